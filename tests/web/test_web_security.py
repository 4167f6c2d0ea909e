"""The page's guards: token, Host, CSRF, headers, upload size, and a clean shutdown."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from peplint.lint import LintSetup
from peplint.web.app import ServeConfig, create_app
from peplint.web.security import CONTENT_SECURITY_POLICY, Guard
from tests.conftest import GENERATED
from tests.web.conftest import BASE, PORT, Served

ROUTES_GET = [
    "/",
    "/review",
    "/review/pep?key=x",
    "/review/sign-off?key=x",
    "/check/0123456789abcdef",
    "/static/peplint.css",
]


def test_missing_token_is_refused_on_every_route(teacher: Served) -> None:
    for route in ROUTES_GET:
        response = teacher.client.get(route)
        assert response.status_code == 403, route
        assert "access token" in response.text
    assert teacher.client.post("/check", data={"csrf": teacher.guard.csrf_token}).status_code == 403


def test_wrong_token_is_refused(teacher: Served) -> None:
    response = teacher.client.get("/?token=not-the-token", follow_redirects=False)
    assert response.status_code == 403
    teacher.client.cookies.set("peplint_access", "forged")
    assert teacher.client.get("/").status_code == 403


def test_token_in_address_becomes_a_strict_http_only_cookie(teacher: Served) -> None:
    response = teacher.client.get(f"/review?token={teacher.guard.token}", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/review"  # the token leaves the address bar
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert teacher.client.get("/").status_code == 200


def test_wrong_host_is_refused_even_with_the_token(teacher: Served) -> None:
    teacher.sign_in()
    for host in ("evil.example", f"evil.example:{PORT}", "127.0.0.1:1", f"0.0.0.0:{PORT}"):
        response = teacher.client.get("/", headers={"host": host})
        assert response.status_code == 400, host
    assert teacher.client.get("/", headers={"host": f"localhost:{PORT}"}).status_code == 200


def test_every_response_carries_a_strict_content_security_policy(teacher: Served) -> None:
    teacher.sign_in()
    for response in (
        teacher.client.get("/"),
        teacher.client.get("/nope"),
        teacher.client.get("/static/peplint.js"),
    ):
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["cache-control"] == "no-store"
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY


def test_every_form_carries_the_csrf_token(officer: Served) -> None:
    key = officer.web.folder.rows[0]["report"]  # type: ignore[union-attr]
    for page in (officer.client.get("/"), officer.client.get(f"/review/pep?key={key}")):
        assert page.status_code == 200
        forms = page.text.count('<form method="post"')
        assert forms >= 1
        assert page.text.count(f'name="csrf" value="{officer.guard.csrf_token}"') == forms


def test_post_without_or_with_a_wrong_csrf_token_is_refused(
    teacher: Served, officer: Served
) -> None:
    teacher.sign_in()
    pdf = (GENERATED / "walsall-good.pdf").read_bytes()
    for data in ({}, {"csrf": "wrong"}):
        response = teacher.client.post(
            "/check", data=data, files={"pep": ("a.pdf", pdf, "application/pdf")}
        )
        assert response.status_code == 403
        assert "out of date" in response.text
    key = officer.web.folder.rows[0]["report"]  # type: ignore[union-attr]
    response = officer.client.post(f"/review/pep?key={key}", data={"reviewed": "on"})
    assert response.status_code == 403
    assert not (officer.web.folder.out / "review" / "decisions.json").exists()  # type: ignore[union-attr]


def test_an_oversize_upload_is_refused_with_a_clear_message(teacher: Served) -> None:
    teacher.sign_in()
    big = b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024)
    response = teacher.client.post(
        "/check",
        data={"csrf": teacher.guard.csrf_token},
        files={"pep": ("big.pdf", big, "application/pdf")},
    )
    assert response.status_code == 413
    assert "larger than 2 MB" in response.text
    assert list((teacher.web.workspace.root).iterdir()) == []  # type: ignore[union-attr]


def test_an_oversize_body_without_a_length_header_is_stopped_while_reading(teacher: Served) -> None:
    teacher.sign_in()

    def chunks():  # a streamed body has no Content-Length
        yield b'--b\r\nContent-Disposition: form-data; name="pep"; filename="x.pdf"\r\n\r\n'
        for _ in range(40):
            yield b"0" * 100_000

    response = teacher.client.post(
        "/check", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"}
    )
    assert response.status_code == 413


def test_nothing_is_left_on_disk_after_shutdown(setup: LintSetup, tmp_path: Path) -> None:
    temp_root = tmp_path / "tmp"
    temp_root.mkdir()
    guard = Guard(port=PORT)
    app, web = create_app(ServeConfig(guard=guard, setup=setup, temp_root=temp_root))
    with TestClient(app, base_url=BASE) as client:
        client.get(f"/?token={guard.token}")
        response = client.post(
            "/check",
            data={"csrf": guard.csrf_token},
            files={
                "pep": (
                    "Jamie PEP.pdf",
                    (GENERATED / "walsall-good.pdf").read_bytes(),
                    "application/pdf",
                )
            },
        )
        assert response.status_code == 200
        workspace = web.workspace.root  # type: ignore[union-attr]
        assert workspace.stat().st_mode & 0o777 == 0o700
        stored = [p for p in workspace.rglob("*") if p.is_file()]
        assert stored and all(p.stat().st_mode & 0o777 == 0o600 for p in stored)
    assert not workspace.exists()
    assert list(temp_root.iterdir()) == []
