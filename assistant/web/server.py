"""Serves the web app: `python app.py` or `assistant-web` (options: --host, --port).

Builds the index if it is missing, warms up the first answer, then serves everything on
settings.host:port (127.0.0.1:7860 by default).
"""

from __future__ import annotations

import argparse
import logging

logger = logging.getLogger(__name__)

WARM_UP_QUESTION = "How long does inpatient rehab last?"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the clonazepam help chat, staff console and APIs.")
    parser.add_argument("--host", help="bind address (default: ASSISTANT_HOST or 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default: ASSISTANT_PORT or 7860)")
    args = parser.parse_args(argv)

    import uvicorn

    from assistant import Assistant, Settings
    from assistant.web.feedback import FeedbackLog
    from assistant.web.gradio_app import build_app

    overrides = {k: v for k, v in {"host": args.host, "port": args.port}.items() if v is not None}
    settings = Settings(**overrides)
    assistant = Assistant.load(settings)
    try:  # the first answer is slow (lazy init): pay for it before serving, never fail because of it
        assistant.ask(WARM_UP_QUESTION, [])
    except Exception as exc:
        logger.error("warm-up question failed: %s", type(exc).__name__)
    app = build_app(assistant, settings, feedback=FeedbackLog.from_settings(settings))
    print(f"Serving on http://{settings.host}:{settings.port}/ (staff console at /staff)", flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
