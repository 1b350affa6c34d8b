"""The web app's entry point: `python app.py [--host H] [--port P]`.

Visitor chat at `/`, staff console at `/staff`, JSON API at `/api/ask`, OpenAI-compatible API at
`/v1/chat/completions`, health at `/healthz`. Everything lives in `assistant.web`.
"""

from assistant.web.server import main

if __name__ == "__main__":
    main()
