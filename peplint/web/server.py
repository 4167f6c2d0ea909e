"""Running the page: choose a loopback port, print the address with its token, serve
with uvicorn on 127.0.0.1 only, and delete the private folder when stopped."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

from peplint.lint import LintSetup, warm_up
from peplint.safety.limits import Limits
from peplint.web.app import ServeConfig, create_app
from peplint.web.security import Guard

HOST = "127.0.0.1"  # never another interface: the page is for this computer only


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def serve(
    setup: LintSetup,
    review_folder: Path | None,
    port: int | None,
    limits: Limits,
    max_upload_mb: int,
    announce: Callable[[str], None] = print,
) -> None:
    """Serve until interrupted (Ctrl+C or SIGTERM)."""
    import uvicorn

    guard = Guard(port=port or free_port(), max_upload_bytes=max_upload_mb * 1024 * 1024)
    app, _ = create_app(
        ServeConfig(guard=guard, setup=setup, limits=limits, review_folder=review_folder)
    )
    warm_up(setup)  # first-use costs paid once here, not in every worker forked per upload
    announce("peplint is serving on this computer only. Open this address in your browser:")
    announce(f"    {guard.address()}")
    announce("Press Ctrl+C to stop; uploaded files are deleted when it stops.")
    uvicorn.run(
        app,
        host=HOST,
        port=guard.port,
        log_level="warning",
        access_log=False,  # request lines would carry file names
        server_header=False,
        proxy_headers=False,
        lifespan="on",
    )
