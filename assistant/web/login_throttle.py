"""Throttles staff console sign-ins: growing waits after failures, then a lockout, per account and client.

Gradio's ``auth=`` callable sees only a name and a password, so the throttle sits in front of the
login route as ASGI middleware: it reads the form's ``username``, refuses with 429 and
``Retry-After`` while a limit is spent (even a correct password), passes the request on otherwise,
and counts the answer: gradio says 400 for wrong credentials and 200 for a sign-in.

Failures are counted in moving windows by ``limits``: from the third mistake on, each costs a
growing wait (2, 4, 8 ... 60 s), and ten in a quarter hour lock the account for the rest of it.
Failed sign-ins are logged with the account name (sanitised) and the client, never the password.
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from limits import RateLimitItem, RateLimitItemPerSecond, parse, parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

logger = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# The lockout: 10 failed sign-ins to one account within 15 minutes lock it for the rest of them.
ACCOUNT_LOCKOUT = "10 per 15 minutes"
# Before that, growing waits: from the 3rd failure in the window on, the next try waits 2, 4, 8, ...
# seconds after the last failure, at most a minute.
WAIT_FROM_FAILURE = 3
LONGEST_WAIT_S = 60
# Per client, looser (a help-line office shares one address) but it stops spraying many names.
CLIENT_FAILURE_LIMITS = "10 per minute; 30 per 15 minutes"
MAX_FORM_BYTES = 16_384  # a sign-in form is two short fields; anything larger is refused unread
_LOGGABLE_NAME = re.compile(r"[^A-Za-z0-9._@-]")


def loggable_account(name: str) -> str:
    """The account name as it may appear in a log line: safe characters only, at most 64."""
    cleaned = _LOGGABLE_NAME.sub("?", name.strip())[:64]
    return cleaned or "<empty>"


@dataclass(frozen=True)
class Verdict:
    """Whether a sign-in may be tried now, and if not, in how many seconds."""

    allowed: bool
    retry_after: int = 0


def wait_after(failures: int) -> int:
    """Seconds the next sign-in waits after this many failures in the window (0: no wait)."""
    if failures < WAIT_FROM_FAILURE:
        return 0
    return min(2 ** (failures - WAIT_FROM_FAILURE + 1), LONGEST_WAIT_S)


def _waits() -> tuple[int, ...]:
    return tuple(sorted({wait_after(n) for n in range(WAIT_FROM_FAILURE, 64)}))


@dataclass
class LoginThrottle:
    """Failed sign-ins counted per account and per client in moving windows (in memory, per process).

    The waits are kept in the same storage, as "one per N seconds" items hit at each failure, so
    they expire on their own and an attacker's made-up account names cost no lasting memory.
    """

    account_lockout: RateLimitItem = field(default_factory=lambda: parse(ACCOUNT_LOCKOUT))
    client_limits: tuple[RateLimitItem, ...] = field(
        default_factory=lambda: tuple(parse_many(CLIENT_FAILURE_LIMITS))
    )

    def __post_init__(self) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._wait_items = {wait: RateLimitItemPerSecond(1, wait) for wait in _waits()}

    def _spent(self, item: RateLimitItem, *key: str) -> int | None:
        """Seconds until ``item`` frees up for ``key``, or None when it is not spent."""
        if self._limiter.test(item, "staff-login", *key):
            return None
        reset_at = self._limiter.get_window_stats(item, "staff-login", *key).reset_time
        return max(1, math.ceil(reset_at - time.time()))

    def check(self, account: str, client: str) -> Verdict:
        """May this account try to sign in from this client now?"""
        name = account.lower()
        spent = [self._spent(self.account_lockout, "account", name)]
        spent += [self._spent(item, "wait", str(wait), name) for wait, item in self._wait_items.items()]
        spent += [self._spent(item, "client", client) for item in self.client_limits]
        waits = [wait for wait in spent if wait is not None]
        return Verdict(allowed=not waits, retry_after=max(waits, default=0))

    def failures(self, account: str) -> int:
        """Failed sign-ins to this account in the lockout window."""
        key = ("staff-login", "account", account.lower())
        stats = self._limiter.get_window_stats(self.account_lockout, *key)
        return self.account_lockout.amount - stats.remaining

    def failed(self, account: str, client: str) -> None:
        name = account.lower()
        self._limiter.hit(self.account_lockout, "staff-login", "account", name)
        for item in self.client_limits:
            self._limiter.hit(item, "staff-login", "client", client)
        self._clear_waits(name)  # a wait runs from the latest failure
        wait = wait_after(self.failures(account))
        if wait:
            self._limiter.hit(self._wait_items[wait], "staff-login", "wait", str(wait), name)

    def succeeded(self, account: str) -> None:
        """A correct sign-in clears the account's failures (the client's stay counted)."""
        name = account.lower()
        self._limiter.clear(self.account_lockout, "staff-login", "account", name)
        self._clear_waits(name)

    def _clear_waits(self, name: str) -> None:
        for wait, item in self._wait_items.items():
            self._limiter.clear(item, "staff-login", "wait", str(wait), name)


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None when it is larger than ``limit``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _form_username(scope: Scope, body: bytes) -> str:
    """The ``username`` field of a url-encoded or multipart form ('' when there is none)."""
    from starlette.requests import Request

    async def replay() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        form = await Request(scope, replay).form()
    except Exception:  # a malformed form: gradio will refuse it; count it against the client
        return ""
    username = form.get("username")
    return username if isinstance(username, str) else ""


async def _send_json(send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]]) -> None:
    import json

    body = json.dumps({"detail": detail}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    *headers],
    })  # fmt: skip
    await send({"type": "http.response.body", "body": body})


class LoginThrottleMiddleware:
    """ASGI middleware that throttles ``POST <login_path>`` with a ``LoginThrottle``."""

    def __init__(self, app: ASGIApp, *, throttle: LoginThrottle, login_path: str = "/staff/login") -> None:
        self.app = app
        self.throttle = throttle
        self.login_paths = {login_path, login_path + "/"}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] not in self.login_paths:
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown", 0))[0]
        body = await _read_body(receive, MAX_FORM_BYTES)
        if body is None:
            await _send_json(send, 413, "The sign-in form is too large.", [])
            return
        account = await _form_username(scope, body)
        verdict = self.throttle.check(account, client)
        if not verdict.allowed:
            logger.warning(
                "staff sign-in refused while throttled: account %s from %s (retry in %d s)",
                loggable_account(account), client, verdict.retry_after,
            )  # fmt: skip
            await _send_json(
                send, 429, f"Too many failed sign-ins. Try again in {verdict.retry_after} seconds.",
                [(b"retry-after", str(verdict.retry_after).encode())],
            )  # fmt: skip
            return

        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:  # the body was read once already; after it, the client can only disconnect
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                status = message["status"]
                if status == 200:
                    self.throttle.succeeded(account)
                elif 400 <= status < 500:
                    self.throttle.failed(account, client)
                    logger.warning(
                        "failed staff sign-in: account %s from %s", loggable_account(account), client
                    )
            await send(message)

        await self.app(scope, replay, counting_send)
