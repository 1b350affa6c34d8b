"""The probe's bad-input table (evals/probe.py) against the real assistant's API in-process: every kind
gets the status it names, no traceback or path, and the safety messages hidden in them are routed."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.web.gradio_app import build_app
from evals.probe import BAD_INPUTS, probe_bad_inputs, route_of
from index.shared.settings import Settings

pytestmark = pytest.mark.slow


def test_every_bad_input_kind_is_handled_and_routing_holds(real_assistant) -> None:
    # the whole app as served (the API with the chat mounted at "/"), not the API alone
    app = build_app(real_assistant, Settings(feedback_db=None, staff_users=""))
    with TestClient(app) as client:
        checks = probe_bad_inputs(client)
    assert len(checks) == len(BAD_INPUTS) >= 40
    failed = [c for c in checks if not c.ok]
    assert not failed, failed


def test_the_probe_reads_the_route_of_a_stream() -> None:
    class Streamed:
        text = (
            'data: {"choices": []}\n\n'
            'data: {"choices": [], "assistant": {"route": "crisis"}}\n\n'
            "data: [DONE]\n\n"
        )

    assert route_of(Streamed()) == "crisis"  # type: ignore[arg-type]
