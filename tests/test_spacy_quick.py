"""spaCy is imported without its command line (peplint.nlp.spacy_quick), and whole when a
spaCy release needs more of it; the command line still loads when asked for."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_the_pipeline_loads_without_spacys_command_line() -> None:
    out = _run(
        """
        import sys
        from peplint.nlp.pipeline import get_pipeline
        doc = get_pipeline().nlp("Jamie will read 10 pages a week by 1 March 2027.")
        heavy = [m for m in sys.modules if m.split(".")[0] in ("weasel", "httpx", "typer")]
        print(len(doc), "spacy.cli" in sys.modules, heavy)
        """
    )
    assert out == "12 False []"


def test_spacys_command_line_still_loads_when_asked_for() -> None:
    out = _run(
        """
        import peplint.nlp.pipeline
        import spacy
        import spacy.cli
        print(hasattr(spacy.cli, "download"), sorted(spacy.info())[:1] != [])
        """
    )
    assert out == "True True"


def test_a_spacy_that_needs_its_command_line_is_imported_whole() -> None:
    out = _run(
        """
        import sys, types
        from peplint.nlp import spacy_quick
        spacy_quick._forget_spacy()  # as if not loaded yet, with a placeholder too thin for it
        def thin():
            cli = types.ModuleType("spacy.cli")
            cli.__path__ = []
            return {"spacy.cli": cli, "spacy.cli.info": types.ModuleType("spacy.cli.info")}
        spacy_quick._placeholders = thin
        spacy = spacy_quick.import_spacy()
        print(spacy.blank("en")("a test").text, hasattr(sys.modules["spacy.cli"], "download"))
        """
    )
    assert out == "a test True"
