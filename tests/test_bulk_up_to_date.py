"""`peplint bulk --resume` with nothing changed does nothing, cheaply; any change that could
change an output takes the ordinary path (peplint.bulk.uptodate)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import peplint.bulk.run as bulk_run
from peplint.bulk.uptodate import read_stamp, stamp_path
from peplint.cli import main
from tests.conftest import GENERATED

UP_TO_DATE = "they are up to date"


def _folder(root: Path) -> Path:
    folder = root / "term"
    (folder / "Oakfield").mkdir(parents=True)
    shutil.copy(GENERATED / "walsall-good.pdf", folder / "Oakfield" / "amy.pdf")
    shutil.copy(GENERATED / "secondary-good.docx", folder / "Oakfield" / "ben.docx")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7 not really")
    return folder


def _bulk(folder: Path, out: Path, *extra: str) -> Result:
    args = ["bulk", str(folder), "-o", str(out), "--quiet", "--as-of", "01/03/2027", *extra]
    return CliRunner().invoke(main, args)


def _mtimes(out: Path) -> dict[str, int]:
    return {
        p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()
    }


@pytest.fixture
def done(tmp_path: Path) -> tuple[Path, Path]:
    """A term folder and the output folder of a finished run over it."""
    folder, out = _folder(tmp_path), tmp_path / "out"
    first = _bulk(folder, out)
    assert first.exit_code == 3, first.output  # EXIT_INPUT: broken.pdf could not be read
    assert read_stamp(out) is not None
    return folder, out


def _no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("the resume did the work again")

    monkeypatch.setattr(bulk_run, "run_bulk", refuse)


def test_unchanged_resume_does_nothing_and_says_so(
    done: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out = done
    first_lines = _bulk(folder, out / "unused").output  # a fresh run's lines, for comparison
    shutil.rmtree(out / "unused")
    before = _mtimes(out)
    _no_work(monkeypatch)
    again = _bulk(folder, out, "--resume")
    assert again.exit_code == 3  # as the run it repeats: a file could not be read
    assert UP_TO_DATE in again.output
    assert first_lines.splitlines()[0].split(" Open ")[0] in again.output
    assert _mtimes(out) == before  # nothing written


def _edit_input(folder: Path, out: Path) -> None:
    with (folder / "Oakfield" / "amy.pdf").open("ab") as handle:
        handle.write(b"\n% edited\n")


def _add_input(folder: Path, out: Path) -> None:
    shutil.copy(GENERATED / "walsall-weak-targets.docx", folder / "cat.docx")


def _remove_input(folder: Path, out: Path) -> None:
    (folder / "Oakfield" / "ben.docx").unlink()


def _rename_input(folder: Path, out: Path) -> None:
    (folder / "Oakfield" / "ben.docx").rename(folder / "Oakfield" / "bea.docx")


def _delete_output(folder: Path, out: Path) -> None:
    next((out / "peps").glob("*.html")).unlink()


def _touch_output(folder: Path, out: Path) -> None:
    summary = out / "summary.csv"
    os.utime(summary, ns=(summary.stat().st_atime_ns, summary.stat().st_mtime_ns + 10**9))


def _add_waivers(folder: Path, out: Path) -> None:
    (folder / "peplint-waivers.yaml").write_text("waivers: []\n")


def _add_config(folder: Path, out: Path) -> None:
    (folder / "peplint.toml").write_text("[settings]\n")


def _damage_stamp(folder: Path, out: Path) -> None:
    stamp_path(out).write_text("{not json")


CHANGES: dict[str, Callable[[Path, Path], None]] = {
    "an input edited": _edit_input,
    "an input added": _add_input,
    "an input removed": _remove_input,
    "an input renamed": _rename_input,
    "an output deleted": _delete_output,
    "an output changed": _touch_output,
    "a waivers file added": _add_waivers,
    "a config file added": _add_config,
    "the stamp damaged": _damage_stamp,
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_any_change_takes_the_ordinary_path(
    change: str, done: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out = done
    CHANGES[change](folder, out)
    called: list[bool] = []
    real = bulk_run.run_bulk

    def counted(*args: object, **kwargs: object) -> object:
        called.append(True)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk_run, "run_bulk", counted)
    again = _bulk(folder, out, "--resume")
    assert called and UP_TO_DATE not in again.output, again.output
    assert read_stamp(out) is not None  # and the finished run vouches for its outputs again


@pytest.mark.parametrize(
    "extra",
    [("--as-of", "02/03/2027"), ("--pack", "walsall"), ("--ignore", "smart-"), ("--redact",)],
    ids=["another date", "another pack", "other rules", "redacted"],
)
def test_other_options_take_the_ordinary_path(
    extra: tuple[str, ...], done: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out = done
    args = ["bulk", str(folder), "-o", str(out), "--quiet", "--as-of", "01/03/2027", "--resume"]
    if extra[0] == "--as-of":
        args = [a for a in args if a != "01/03/2027" and a != "--as-of"]
    again = CliRunner().invoke(main, [*args, *extra])
    assert UP_TO_DATE not in again.output, again.output


def test_fail_on_and_statistics_always_check(done: tuple[Path, Path]) -> None:
    folder, out = done
    assert UP_TO_DATE not in _bulk(folder, out, "--resume", "--fail-on", "error").output
    assert UP_TO_DATE not in _bulk(folder, out, "--resume", "--statistics").output


def test_an_interrupted_run_withdraws_the_stamp(
    done: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, out = done
    _edit_input(folder, out)

    def interrupt(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(bulk_run, "_run_staged", interrupt)
    _bulk(folder, out, "--resume")
    assert not stamp_path(out).exists()
    monkeypatch.undo()
    assert UP_TO_DATE not in _bulk(folder, out, "--resume").output


def test_the_stamp_names_no_input(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out"
    _bulk(folder, out, "--redact", "--key-file", str(tmp_path / "key"))
    text = stamp_path(out).read_text()
    assert "amy" not in text and "ben" not in text and "Oakfield" not in text
    assert oct(stamp_path(out).stat().st_mode & 0o777) == "0o600"
    again = _bulk(folder, out, "--redact", "--key-file", str(tmp_path / "key"), "--resume")
    assert UP_TO_DATE in again.output
    (tmp_path / "key").write_text("00" * 32 + "\n")  # another key: other pseudonyms
    again = _bulk(folder, out, "--redact", "--key-file", str(tmp_path / "key"), "--resume")
    assert UP_TO_DATE not in again.output


def test_no_stamp_when_a_file_hit_a_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, out = _folder(tmp_path), tmp_path / "out"
    real = bulk_run.lint_file

    def die(path: Path, *args: object, **kwargs: object) -> object:
        if path.name == "amy.pdf":
            os.kill(os.getpid(), 9)  # the worker is killed: a limit failure, checked again
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk_run, "lint_file", die)
    _bulk(folder, out)
    assert not stamp_path(out).exists()


def test_lines_from_the_stamp_carry_no_terminal_controls(
    done: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    folder, out = done
    data = json.loads(stamp_path(out).read_text())
    data["printed"] = ["3 PEPs\x1b[2J\x07 done"]
    stamp_path(out).write_text(json.dumps(data))
    _no_work(monkeypatch)
    again = _bulk(folder, out, "--resume")
    assert "3 PEPs[2J done" in again.output and "\x1b" not in again.output


def _install(site: Path, name: str, entry_points: str) -> Path:
    """A distribution's metadata folder as pip leaves it, with its entry points."""
    folder = site / f"{name}-1.0.dist-info"
    folder.mkdir()
    (folder / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (folder / "entry_points.txt").write_text(entry_points)
    return folder


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder of installed distributions, first on the import path."""
    folder = tmp_path / "site-packages"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    return folder


def test_installing_or_changing_a_plugin_changes_the_request(site: Path) -> None:
    from peplint.bulk.uptodate import request_digest

    before = request_digest({"jobs": 2})
    _install(site, "unrelated", "[console_scripts]\nunrelated = unrelated:main\n")
    assert request_digest({"jobs": 2}) == before  # not a peplint plugin: the same request
    plugin = _install(site, "peplint_local", "[peplint]\nlocal = peplint_local.plugin\n")
    installed = request_digest({"jobs": 2})
    assert installed != before
    (plugin / "entry_points.txt").write_text("[peplint]\nlocal = peplint_local.other\n")
    assert request_digest({"jobs": 2}) not in {before, installed}


def test_the_plugins_importlib_metadata_finds_are_all_in_the_request(site: Path) -> None:
    from importlib.metadata import entry_points

    from peplint.bulk.uptodate import _plugins

    _install(site, "peplint_local", "[peplint]\nlocal = peplint_local.plugin\n")
    folders = {Path(row[0]) for row in _plugins()}
    found = list(entry_points(group="peplint"))
    assert any(p.name == "local" for p in found)
    for point in found:
        assert point.dist is not None
        assert Path(point.dist._path).resolve() in {f.resolve() for f in folders}  # type: ignore[attr-defined]
