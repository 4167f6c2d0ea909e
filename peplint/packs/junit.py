"""`pack test --junitxml`: pack test results as JUnit XML, which CI systems display."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from peplint.packs.testing import CaseResult


def junit_xml(results: list[CaseResult], suite: str) -> str:
    """One <testsuite> named `suite` with a <testcase> per pack test (classname: its pack)."""
    failures = sum(not r.passed for r in results)
    root = ET.Element("testsuites", tests=str(len(results)), failures=str(failures))
    node = ET.SubElement(
        root, "testsuite", name=suite, tests=str(len(results)), failures=str(failures), errors="0"
    )
    for result in results:
        case = ET.SubElement(node, "testcase", classname=result.pack, name=result.name)
        if not result.passed:
            failure = ET.SubElement(case, "failure", message=result.problems[0])
            failure.text = "\n".join(result.problems)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
