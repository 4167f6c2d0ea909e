"""The `peplint serve` command (registered through the built-in commands plugin)."""

from __future__ import annotations

from pathlib import Path

import click

from peplint import errors
from peplint.safety.limits import Limits


@click.command("serve")
@click.argument(
    "folder", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--pack", "pack", default=None, help="Rule pack: a built-in name or a path to a pack YAML file."
)
@click.option(
    "--port", type=click.IntRange(1024, 65535), default=None, help="Port (default: a free one)."
)
@click.option(
    "--max-upload-mb",
    type=click.IntRange(1, 200),
    default=20,
    show_default=True,
    help="Largest file the page accepts.",
)
def serve_command(
    folder: Path | None, pack: str | None, port: int | None, max_upload_mb: int
) -> None:
    """Open a page in your browser: self-check a PEP, or review a bulk output FOLDER.

    The page is served on this computer only (127.0.0.1) behind an access token.
    """
    from peplint.packs.resolve import setup_for
    from peplint.web.review_data import BulkFolder, NotABulkFolder
    from peplint.web.server import serve

    if folder is not None:
        try:
            summary = BulkFolder.open(folder).summary
        except NotABulkFolder as exc:
            raise click.UsageError(str(exc)) from None
        pack = pack or (summary.get("pack") or {}).get("name")
    try:
        setup, _ = setup_for(pack)
    except errors.ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    serve(setup, folder, port, Limits(), max_upload_mb, announce=click.echo)
