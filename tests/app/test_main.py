"""`python app.py` serves the chat, the APIs and the (disabled) staff console on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest
from app_support import ROOT, free_port

from index.shared.settings import Settings

pytestmark = pytest.mark.slow


def test_python_app_py_serves_everything_on_loopback(real_assistant, real_settings: Settings) -> None:
    # real_assistant has built the index in real_settings.index_dir; the app opens it
    port = free_port()
    env = {
        **os.environ,
        "ASSISTANT_INDEX_DIR": str(real_settings.index_dir),
        "ASSISTANT_PORT": str(port),
        "ASSISTANT_STAFF_USERS": "",
    }
    env.pop("ASSISTANT_HOST", None)
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        with httpx.Client(timeout=5) as client:
            while True:
                assert process.poll() is None, process.stdout.read().decode() if process.stdout else ""
                assert time.monotonic() < deadline, "the app did not become healthy"
                try:
                    if client.get(f"{url}/healthz").status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                time.sleep(0.1)
            assert client.get(f"{url}/").status_code == 200
            assert client.get(f"{url}/gradio_api/info").json()["named_endpoints"].keys() >= {"/ask"}
            staff = client.get(f"{url}/staff/")
            assert staff.status_code == 503 and "ASSISTANT_STAFF_USERS" in staff.text
            reply = client.post(f"{url}/api/ask", json={"message": "he won't wake up after taking klonopin"})
            assert reply.status_code == 200 and reply.json()["route"] == "emergency"
    finally:
        process.terminate()
        process.wait(timeout=20)
