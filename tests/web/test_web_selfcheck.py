"""The designated teacher's self-check page: upload, result, downloads, bad files."""

from __future__ import annotations

import io
import re
import zipfile

import pdfplumber
from docx import Document as open_docx

from tests.conftest import GENERATED
from tests.web.conftest import Served


def _upload(served: Served, name: str, data: bytes):  # type: ignore[no-untyped-def]
    return served.client.post(
        "/check",
        data={"csrf": served.guard.csrf_token},
        files={"pep": (name, data, "application/octet-stream")},
    )


def test_home_page_has_a_labelled_file_control_and_a_progress_indicator(teacher: Served) -> None:
    teacher.sign_in()
    page = teacher.client.get("/").text
    assert '<label for="pep"' in page and 'id="pep"' in page
    assert 'role="status"' in page and "<progress" in page
    assert "<h1>" in page


def test_a_pep_with_problems_lists_them_most_important_first_with_section_and_page(
    teacher: Served,
) -> None:
    teacher.sign_in()
    response = _upload(teacher, "weak.pdf", (GENERATED / "walsall-weak-targets.pdf").read_bytes())
    assert response.status_code == 200
    page = response.text
    assert re.search(r"\d+ things? to fix first\.", page)
    items = re.findall(r"<li>\s*<p>(.*?)</p>\s*<p class=\"where\">(.*?)</p>", page, re.S)
    assert items, page
    assert any("page" in where for _, where in items)  # each says where
    assert "Ongoing" in page  # the text concerned is quoted
    assert "Download as Word" in page and "Download as PDF" in page


def test_a_sound_pep_is_ready_to_submit(teacher: Served) -> None:
    teacher.sign_in()
    page = _upload(teacher, "good.docx", (GENERATED / "walsall-good.docx").read_bytes()).text
    assert "Ready to submit." in page
    assert "Please change these" not in page


def test_the_list_downloads_as_word_and_pdf(teacher: Served) -> None:
    teacher.sign_in()
    response = _upload(
        teacher, "Jamie weak.pdf", (GENERATED / "walsall-weak-targets.pdf").read_bytes()
    )
    upload_id = str(response.url).rstrip("/").rsplit("/", 1)[-1]
    word = teacher.client.get(f"/check/{upload_id}/self-check.docx")
    assert word.status_code == 200
    assert (
        word.headers["content-disposition"] == 'attachment; filename="Jamie-weak-self-check.docx"'
    )
    text = "\n".join(p.text for p in open_docx(io.BytesIO(word.content)).paragraphs)
    assert "Please change these before you submit" in text and "to fix first" in text
    pdf = teacher.client.get(f"/check/{upload_id}/self-check.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(pdf.content)) as doc:
        assert "to fix first" in "".join(page.extract_text() or "" for page in doc.pages)
    assert teacher.client.get(f"/check/{upload_id}/self-check.exe").status_code == 404


def test_a_hostile_file_gives_its_one_line_error_on_the_page(teacher: Served) -> None:
    teacher.sign_in()
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(
            "word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
        )
    page = _upload(teacher, "evil.docx", bomb.getvalue()).text
    assert "Not checked:" in page
    assert "Traceback" not in page
    junk = _upload(teacher, "junk.pdf", b"this is not a pdf at all").text
    assert "Not checked:" in junk


def test_document_text_is_escaped_on_the_page(teacher: Served) -> None:
    teacher.sign_in()
    page = _upload(
        teacher,
        "<script>alert(1)</script>.pdf",
        (GENERATED / "walsall-weak-targets.pdf").read_bytes(),
    ).text
    assert "<script>alert(1)</script>" not in page


def test_choosing_no_file_asks_for_one(teacher: Served) -> None:
    teacher.sign_in()
    response = teacher.client.post("/check", data={"csrf": teacher.guard.csrf_token})
    assert response.status_code == 400
    assert "Choose a PEP file" in response.text


def test_an_unknown_result_is_not_found(teacher: Served) -> None:
    teacher.sign_in()
    assert teacher.client.get("/check/0123456789abcdef").status_code == 404
    assert teacher.client.get("/check/..%2f..%2fetc").status_code == 404


def test_the_target_helper_page_says_which_smart_parts_are_missing(teacher: Served) -> None:
    teacher.sign_in()
    assert '<label for="target">' in teacher.client.get("/target").text
    vague = teacher.client.post(
        "/target", data={"csrf": teacher.guard.csrf_token, "target": "To improve her confidence."}
    ).text
    assert "missing" in vague and "<strong>deadline</strong>" in vague
    good = teacher.client.post(
        "/target",
        data={
            "csrf": teacher.guard.csrf_token,
            "target": "Jamie, you will read aloud for 20 minutes four evenings a week and score "
            "8 out of 10 on the weekly quiz by 12 February 2027. Support: Mrs Patel will listen "
            "to you read every Tuesday.",
        },
    ).text
    assert "This target has every SMART part" in good
    assert teacher.client.post("/target", data={"target": "x"}).status_code == 403  # no CSRF
