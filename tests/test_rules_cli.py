"""`rules list/explain` with packs, did-you-mean, and no empty sections."""

from __future__ import annotations

from click.testing import CliRunner

from peplint.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_explain_suggests_the_rule_meant() -> None:
    code, _, err = run("rules", "explain", "smart-time-bund")
    assert code == 2 and "Did you mean 'smart-time-bound'?" in err


def test_explain_prints_no_empty_sections() -> None:
    code, out, _ = run("rules", "explain", "language-that-cares")
    assert code == 0
    for line in out.splitlines():
        assert not line.rstrip().endswith(":") or line.startswith(("Example", "  ")), line


def test_explain_with_a_pack_shows_its_rules_and_settings() -> None:
    code, out, _ = run("rules", "explain", "pp-plus-linked", "--pack", "example-rag")
    assert code == 0 and "pack example-rag" in out and "Pupil Premium" in out
    code, out, _ = run("rules", "explain", "attendance-threshold", "--pack", "example-rag")
    assert code == 0 and "attendance_threshold=90" in out
    code, out, _ = run("rules", "explain", "attendance-threshold")
    assert "attendance_threshold=80" in out


def test_rules_list_and_pack_rules_include_the_packs_own_rules() -> None:
    _, plain, _ = run("rules", "list")
    assert "pp-plus-linked" not in plain
    for args in (("rules", "list", "--pack", "example-rag"), ("pack", "rules", "example-rag")):
        code, out, _ = run(*args)
        assert code == 0
        line = next(x for x in out.splitlines() if x.startswith("pp-plus-linked"))
        assert "[pack example-rag]" in line
        voice = next(x for x in out.splitlines() if x.startswith("voice-first-person "))
        assert " error " in voice  # the pack's severity, not the default
