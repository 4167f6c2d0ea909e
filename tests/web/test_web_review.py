"""The QA officer's review pages: dashboard, one PEP, decisions, agreement, export."""

from __future__ import annotations

import io
import json
import re

from docx import Document as open_docx

from tests.web.conftest import Served


def _key(served: Served, file: str) -> str:
    folder = served.web.folder
    assert folder is not None
    return next(r["report"] for r in folder.rows if r["file"] == file)


def _save(served: Served, key: str, **fields: str):  # type: ignore[no-untyped-def]
    return served.client.post(
        f"/review/pep?key={key}", data={"csrf": served.guard.csrf_token, **fields}
    )


def test_dashboard_lists_every_pep_with_review_progress(officer: Served) -> None:
    page = officer.client.get("/review").text
    assert "0</strong> of 3 PEPs reviewed; 3 remaining" in page
    for name in ("walsall-good.pdf", "walsall-weak-targets.docx", "secondary-absent-no-voice.pdf"):
        assert name in page
    assert "3 PEPs shown." in page


def test_dashboard_filters_by_school_failing_item_and_sorts(officer: Served) -> None:
    folder = officer.web.folder
    assert folder is not None
    school = next(r["school"] for r in folder.rows if r["file"] == "secondary-absent-no-voice.pdf")
    page = officer.client.get("/review", params={"school": school}).text
    assert "1 PEP shown." in page and "secondary-absent-no-voice.pdf" in page
    page = officer.client.get("/review", params={"failing": "D4"}).text
    assert "secondary-absent-no-voice.pdf" in page and "walsall-good.pdf" not in page
    page = officer.client.get("/review", params={"sort": "file", "order": "desc"}).text
    order = re.findall(r'key=([^"]+)">([^<]+)</a>', page)
    names = [name for _, name in order]
    assert names == sorted(names, reverse=True)
    page = officer.client.get("/review", params={"reviewed": "yes"}).text
    assert "0 PEPs shown." in page


def test_one_pep_shows_checklist_evidence_findings_and_feedback(officer: Served) -> None:
    page = officer.client.get(
        "/review/pep", params={"key": _key(officer, "walsall-weak-targets.docx")}
    ).text
    assert "D7. The targets are written clearly" in page
    assert "Evidence" in page and "<code>smart-time-bound</code>" in page
    assert '<textarea id="feedback"' in page
    assert 'for="answer-D1"' in page and 'for="reason-D1"' in page  # labelled controls


def test_changing_an_answer_needs_a_reason(officer: Served) -> None:
    key = _key(officer, "walsall-weak-targets.docx")
    response = _save(officer, key, **{"answer-D7": "yes"})
    assert response.status_code == 400
    assert "Give a reason for changing D7" in response.text
    assert not (officer.web.folder.out / "review" / "decisions.json").exists()  # type: ignore[union-attr]


def test_decisions_are_saved_privately_and_shape_the_overall_judgement(officer: Served) -> None:
    key = _key(officer, "walsall-weak-targets.docx")
    page = officer.client.get("/review/pep", params={"key": key}).text
    answers = dict(
        re.findall(r'<h3 id="q-(D\d)">.*?<strong class="ans-\w+">(\w+)</strong>', page, re.S)
    )
    fields = {f"answer-{i}": "yes" for i in answers}
    fields.update(
        {f"reason-{i}": "Checked against the original" for i, a in answers.items() if a != "yes"}
    )
    fields.update(reviewed="on", feedback="Dear Mr Ellis, thank you.")
    response = _save(officer, key, **fields)
    assert response.status_code == 200 and "Saved." in response.text
    assert "The PEP meets the expected standard" in response.text  # with the officer's answers
    path = officer.web.folder.out / "review" / "decisions.json"  # type: ignore[union-attr]
    assert path.stat().st_mode & 0o777 == 0o600
    saved = json.loads(path.read_text())["peps"][key]
    assert saved["reviewed"] is True and saved["feedback"] == "Dear Mr Ellis, thank you."
    assert {i for i, a in answers.items() if a != "yes"} == set(saved["answers"])
    dashboard = officer.client.get("/review").text
    assert "1</strong> of 3 PEPs reviewed" in dashboard
    assert "(was no)" in dashboard


def test_agreement_counts_kept_answers_per_item(officer: Served) -> None:
    weak = _key(officer, "walsall-weak-targets.docx")
    good = _key(officer, "walsall-good.pdf")
    _save(officer, good, reviewed="on")
    _save(
        officer,
        weak,
        reviewed="on",
        **{"answer-D7": "yes", "reason-D7": "Deadline is in the review column"},
    )
    page = officer.client.get("/review").text
    rows = dict(re.findall(r'<tr><th scope="row">(D\d)</th><td>(\d+)</td><td>2</td>', page))
    assert rows["D7"] == "1" and rows["D1"] == "2"
    assert "50%" in page and "100%" in page


def test_export_gives_the_word_sign_off_page_with_the_officers_answers(officer: Served) -> None:
    key = _key(officer, "walsall-weak-targets.docx")
    _save(
        officer,
        key,
        **{"answer-D7": "yes", "reason-D7": "ok", "feedback": "Edited feedback for the DT."},
    )
    response = officer.client.get("/review/sign-off", params={"key": key})
    assert response.status_code == 200
    assert response.headers["content-disposition"].endswith('-sign-off.docx"')
    doc = open_docx(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs) + "\n".join(
        c.text for t in doc.tables for r in t.rows for c in r.cells
    )
    assert "Edited feedback for the DT." in text


def test_unknown_or_traversing_keys_are_not_found(officer: Served) -> None:
    for key in ("nope", "../summary", "../../etc/passwd"):
        assert officer.client.get("/review/pep", params={"key": key}).status_code == 404
        assert officer.client.get("/review/sign-off", params={"key": key}).status_code == 404


def test_without_a_review_folder_the_review_pages_say_how_to_get_one(teacher: Served) -> None:
    teacher.sign_in()
    response = teacher.client.get("/review")
    assert response.status_code == 404
    assert "bulk output folder" in response.text


def test_coverage_is_read_as_bulk_writes_it_and_low_coverage_filters() -> None:
    from peplint.web.review_data import coverage_of

    assert coverage_of({"coverage": "92%"}) == 0.92
    assert coverage_of({"coverage": ""}) is None
    assert coverage_of({"coverage": 0.5}) == 0.5


def test_dashboard_shows_coverage_and_filters_layouts_not_read_well(officer: Served) -> None:
    folder = officer.web.folder
    assert folder is not None
    folder.summary["rows"][0]["coverage"] = "40%"
    folder.summary["rows"][0]["needs_mapping"] = True
    page = officer.client.get("/review", params={"coverage": "on"}).text
    assert "1 PEP shown." in page and "40%" in page


def test_rating_an_item_met_records_waivers_the_next_run_honours(officer: Served, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    import yaml

    from peplint.lint import lint_file
    from peplint.packs.resolve import setup_for
    from peplint.waivers import load_waivers
    from tests.conftest import GENERATED

    key = _key(officer, "walsall-weak-targets.docx")
    _save(officer, key, **{"answer-D7": "yes", "reason-D7": "Deadlines are in the review column."})
    path = officer.web.folder.out / "review" / "peplint-waivers.yaml"  # type: ignore[union-attr]
    assert path.stat().st_mode & 0o777 == 0o600
    waivers = yaml.safe_load(path.read_text())["waivers"]
    assert waivers and {w["reason"] for w in waivers} == {"Deadlines are in the review column."}
    assert {w["rule"] for w in waivers} <= {
        "targets-present",
        "smart-specific",
        "smart-measurable",
        "smart-time-bound",
        "smart-strategy",
    }
    assert "Aaliyah" not in path.read_text()  # the child is a fingerprint, never a name
    # The next run with these waivers no longer raises the accepted findings.
    copy = tmp_path / "weak.docx"
    shutil.copy(GENERATED / "walsall-weak-targets.docx", copy)
    setup, _ = setup_for(None)
    setup.waivers = load_waivers([path])
    entry = lint_file(copy, setup)
    assert entry.waived and not [
        f
        for f in entry.findings
        if f.rule in {w["rule"] for w in waivers} and f.severity == "error"
    ]
