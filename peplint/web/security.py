"""The page's guards, as one ASGI middleware: access token, Host check, CSRF, upload
size, and the security headers on every response."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "peplint_access"
CSRF_FIELD = "csrf"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


@dataclass(frozen=True)
class Guard:
    """The secrets and limits of one server run."""

    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    max_upload_bytes: int = 20 * 1024 * 1024

    @property
    def csrf_token(self) -> str:
        """The token every form carries (derived from the access token, never sent in a cookie)."""
        return hmac.new(self.token.encode(), b"csrf", hashlib.sha256).hexdigest()

    def allowed_hosts(self) -> set[str]:
        """The Host headers a request may carry: loopback names with this port."""
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def address(self) -> str:
        """The address to open, with the access token in it."""
        return f"http://127.0.0.1:{self.port}/?{urlencode({'token': self.token})}"

    def token_ok(self, candidate: str | None) -> bool:
        """Whether `candidate` is the access token (constant-time)."""
        return candidate is not None and hmac.compare_digest(candidate, self.token)

    def csrf_ok(self, candidate: str | None) -> bool:
        """Whether `candidate` is the CSRF token (constant-time)."""
        return candidate is not None and hmac.compare_digest(candidate, self.csrf_token)


class TooLarge(Exception):
    """The request body exceeded the upload limit."""


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def _cookie(scope: Scope, name: str) -> str | None:
    raw = _header(scope, b"cookie") or ""
    for part in raw.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


async def _plain(send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]]) -> None:
    body = text.encode("utf-8")
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    """Refuses requests with a wrong Host or without the access token, caps request
    bodies, and adds the security headers to every response."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _header(scope, b"host") not in self.guard.allowed_hosts():
            await _plain(send, 400, "This page is served for this computer only.", [])
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        from_query = (query.get("token") or [None])[0]
        if self.guard.token_ok(from_query):
            # Swap the token in the address for a cookie, so it leaves the address bar.
            cookie = f"{COOKIE}={self.guard.token}; HttpOnly; SameSite=Strict; Path=/".encode()
            await _plain(
                send,
                303,
                "Signed in.",
                [(b"location", scope.get("path", "/").encode()), (b"set-cookie", cookie)],
            )
            return
        if not self.guard.token_ok(_cookie(scope, COOKIE)):
            await _plain(
                send,
                403,
                "Open the address peplint printed when it started (it holds an access token).",
                [],
            )
            return
        length = _header(scope, b"content-length")
        if length is not None and length.isdigit() and int(length) > self.guard.max_upload_bytes:
            await _too_large(send, self.guard)
            return
        await self.app(scope, self._capped(receive), self._secured(send))

    def _capped(self, receive: Receive) -> Receive:
        received = 0
        limit = self.guard.max_upload_bytes

        async def wrapped() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise TooLarge
            return message

        return wrapped

    def _secured(self, send: Send) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        return wrapped


def too_large_message(guard: Guard) -> str:
    """What the page says about an oversize upload."""
    megabytes = guard.max_upload_bytes // (1024 * 1024)
    return f"This file is larger than {megabytes} MB, the most this page accepts. Check it is a PEP export."


async def _too_large(send: Send, guard: Guard) -> None:
    await _plain(send, 413, too_large_message(guard), [])
