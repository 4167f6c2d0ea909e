"""Safe YAML loading that remembers the line of every key, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from peplint import yaml_load
from peplint.errors import ConfigError

Location = tuple[str | int, ...]


def _read(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree and data, by the fast loader; a broken document is read again by
    PyYAML's own loader, whose error marks are the ones the messages are tested with
    (libyaml's can differ by a line at the end of the input)."""
    try:
        return yaml_load.compose(text), yaml_load.safe_load(text)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader), yaml.safe_load(text)


class YamlSource:
    """A YAML document's data and the line (1-based) of each key path."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines: dict[Location, int] = {}
        try:
            node, self.data = _read(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            problem = getattr(exc, "problem", None) or "not valid YAML"
            raise PackError(
                path,
                line,
                f"this is not valid YAML ({problem})",
                "check the indentation and quoting on this line",
            ) from None
        if node is not None:
            self._walk(node, ())

    def _walk(self, node: yaml.Node, where: Location) -> None:
        self.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                path = (*where, key.value)
                self.lines[path] = key.start_mark.line + 1
                self._walk(value, path)
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                self._walk(value, (*where, index))

    def line(self, where: Location) -> int:
        """The line of the deepest known part of `where`."""
        for end in range(len(where), -1, -1):
            found = self.lines.get(tuple(where[:end]))
            if found is not None:
                return found
        return 1


class PackError(ConfigError):
    """A pack problem, naming the file, the line and the fix."""

    def __init__(self, path: Path, line: int, problem: str, fix: str) -> None:
        super().__init__(f"{path}:{line}: {problem}; {fix}")
        self.path, self.line, self.problem, self.fix = path, line, problem, fix


class PackProblems(PackError):
    """Every problem found in a pack, so one run of `pack validate` shows them all.

    Behaves as its first problem (path, line, problem, fix); the message lists all.
    """

    def __init__(self, problems: list[PackError]) -> None:
        first = problems[0]
        super().__init__(first.path, first.line, first.problem, first.fix)
        self.problems = list(problems)
        if len(problems) > 1:
            self.args = ("\n".join(str(p) for p in problems),)

    def __str__(self) -> str:
        return "\n".join(f"{p.path}:{p.line}: {p.problem}; {p.fix}" for p in self.problems)
