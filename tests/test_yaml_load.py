"""The fast YAML loader gives the same data, the same line numbers and the same errors as
PyYAML's pure-Python safe loader, on every bundled YAML file and on broken input."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from peplint import yaml_load
from peplint.packs.yaml_source import PackError, YamlSource

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted(
    p
    for folder in ("peplint", "rule_packs", "fixtures/specs")
    for p in (ROOT / folder).rglob("*.yaml")
)


def test_the_fast_loader_is_libyaml_where_pyyaml_has_it() -> None:
    assert yaml_load.SafeLoader is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_bundled_yaml_reads_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert yaml_load.safe_load(text) == yaml.safe_load(text)


def test_there_are_bundled_yaml_files() -> None:
    assert len(BUNDLED) >= 10


@pytest.mark.parametrize(
    "text",
    ["a: [1, 2", "a: b\n c: d", "- a\nb: c", "a: *missing", "!!python/object:os.system {}"],
)
def test_errors_and_their_lines_match(text: str, tmp_path: Path) -> None:
    """Both loaders refuse broken YAML; a pack's message names PyYAML's own line."""
    with pytest.raises(yaml.YAMLError) as slow:
        yaml.safe_load(text)
    with pytest.raises(yaml.YAMLError):
        yaml_load.safe_load(text)
    mark = getattr(slow.value, "problem_mark", None)
    with pytest.raises(PackError) as error:
        YamlSource(tmp_path / "pack.yaml", text)
    assert error.value.line == (mark.line + 1 if mark is not None else 1)


def test_pack_lines_are_kept(tmp_path: Path) -> None:
    source = YamlSource(tmp_path / "p.yaml", "name: x\nrules:\n  - id: a\n    level: b\n")
    assert source.line(("rules", 0, "level")) == 4


_scalar = st.one_of(st.integers(), st.booleans(), st.text(max_size=20), st.none())
_data = st.recursive(
    _scalar,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(_data)
def test_any_dumped_data_reads_the_same(data: object) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    assert yaml_load.safe_load(text) == yaml.safe_load(text)
