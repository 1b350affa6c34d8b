"""Security headers on every response, set by the ``secure`` library.

The Content-Security-Policy fits gradio 6: its page bootstraps with inline scripts and styles,
evaluates generated code (so 'unsafe-eval') and renders markdown images as data: URLs, so those are
allowed; everything else comes from this origin only. Nothing is loaded from elsewhere (the app is
offline), forms post only here, and no plugin or <base> tricks. The staff console may never be
framed (clickjacking); the visitor chat may be framed by this origin and by the sites named in
``settings.embed_origins``.
"""

from __future__ import annotations

from typing import Any

import secure
from secure.middleware import SecureASGIMiddleware

STAFF_PREFIX = "/staff"


def _policy(frame_ancestors: tuple[str, ...]) -> secure.Secure:
    csp = (
        secure.ContentSecurityPolicy()
        .default_src("'self'")
        # gradio 6's front end evaluates generated code at start-up: without 'unsafe-eval' it never renders.
        .script_src("'self'", "'unsafe-inline'", "'unsafe-eval'")
        .style_src("'self'", "'unsafe-inline'")
        .img_src("'self'", "data:", "blob:")
        .font_src("'self'", "data:")
        .media_src("'self'", "blob:")
        .connect_src("'self'")
        .worker_src("'self'", "blob:")
        .object_src("'none'")
        .base_uri("'self'")
        .form_action("'self'")
        .frame_ancestors(*frame_ancestors)
    )
    headers: dict[str, Any] = {
        "csp": csp,
        "xcto": secure.XContentTypeOptions(),
        "referrer": secure.ReferrerPolicy().strict_origin_when_cross_origin(),
        "coop": secure.CrossOriginOpenerPolicy().same_origin(),
        "permissions": secure.PermissionsPolicy().geolocation().camera().microphone(),
    }
    if frame_ancestors == ("'none'",):
        headers["xfo"] = secure.XFrameOptions().deny()
    return secure.Secure(**headers)


class SecurityHeadersMiddleware:
    """ASGI middleware: the staff console's headers under ``/staff``, the visitor chat's elsewhere."""

    def __init__(self, app: Any, *, embed_origins: tuple[str, ...] = ()) -> None:
        self.staff = SecureASGIMiddleware(app, secure=_policy(("'none'",)))
        self.public = SecureASGIMiddleware(app, secure=_policy(("'self'", *embed_origins)))

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        path = scope.get("path", "") if scope.get("type") == "http" else ""
        staff = path == STAFF_PREFIX or path.startswith(STAFF_PREFIX + "/")
        await (self.staff if staff else self.public)(scope, receive, send)
