"""The web app: routes for the designated teacher's self-check and the QA officer's
review of a bulk output folder. `create_app` wires them behind the guards."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from peplint.checklist.model import ChecklistSpec
from peplint.feedback.compose import SECTION_NAMES
from peplint.feedback.to_fix import things_to_fix
from peplint.lint import LintSetup, lint_file
from peplint.report import FileReport, PackInfo, Report
from peplint.safety.isolation import run_isolated
from peplint.safety.limits import Limits
from peplint.selfcheck import self_check
from peplint.web import downloads
from peplint.web.decisions import (
    AnswerChange,
    PepDecision,
    load_decisions,
    now_text,
    save_decisions,
    save_waivers,
    waivers_for,
)
from peplint.web.review_data import (
    SORT_KEYS,
    BulkFolder,
    Filters,
    agreement,
    apply_decision,
    coverage_of,
    is_overdue,
    rating_options,
    select,
)
from peplint.web.security import Guard, GuardMiddleware, TooLarge, too_large_message
from peplint.web.workspace import Workspace

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class ServeConfig:
    """What one server run serves."""

    guard: Guard
    setup: LintSetup
    limits: Limits = field(default_factory=Limits)
    review_folder: Path | None = None
    coverage_threshold: float = 0.8
    temp_root: Path | None = None  # where the private temporary folder is made (tests)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("peplint.web", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["section_name"] = lambda key: SECTION_NAMES.get(key, key) if key else ""
    return env


def _download_name(name: str, suffix: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip("-.") or "pep"
    return f"{stem[:60]}{suffix}"


class WebApp:
    """The routes, with what they share: the config, templates and workspace."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self.guard = config.guard
        self.env = _environment()
        self.workspace: Workspace | None = None
        self.folder = BulkFolder.open(config.review_folder) if config.review_folder else None

    # -- helpers -------------------------------------------------------------------
    def page(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        """A rendered page; every page knows the CSRF token and whether review is on."""
        html = self.env.get_template(template).render(
            csrf=self.guard.csrf_token, reviewing=self.folder is not None, **context
        )
        return HTMLResponse(html, status_code=status)

    def _workspace(self) -> Workspace:
        if self.workspace is None:
            self.workspace = Workspace(self.config.temp_root)
        return self.workspace

    async def _form(self, request: Request) -> FormData | Response:
        try:
            form = await request.form(max_files=1, max_fields=200)
        except TooLarge:
            return self.page(
                "message.html.j2",
                413,
                title="File too large",
                message=too_large_message(self.guard),
            )
        if not self.guard.csrf_ok(_text(form.get("csrf"))):
            return self.page(
                "message.html.j2",
                403,
                title="Form expired",
                message="This form is out of date. Go back, reload the page and try again.",
            )
        return form

    def _lint(self, path: Path, shown_name: str) -> FileReport:
        setup, limits = self.config.setup, self.config.limits

        def work(p: Path) -> FileReport:
            return lint_file(p, setup, limits, root=path.parent)

        entry = dict(run_isolated([path], work, limits, 1))[0]
        return entry.model_copy(update={"path": shown_name})

    # -- the designated teacher's self-check -------------------------------------------
    async def home(self, request: Request) -> Response:
        """The upload form."""
        return self.page("home.html.j2", max_mb=self.guard.max_upload_bytes // (1024 * 1024))

    async def upload(self, request: Request) -> Response:
        """Check an uploaded PEP in an isolated worker and show its result."""
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        upload = form.get("pep")
        if not isinstance(upload, UploadFile) or not upload.filename:
            return self.page(
                "home.html.j2",
                400,
                error="Choose a PEP file (Word or PDF) first.",
                max_mb=self.guard.max_upload_bytes // (1024 * 1024),
            )
        data = await upload.read()
        if len(data) > self.guard.max_upload_bytes:
            return self.page(
                "message.html.j2",
                413,
                title="File too large",
                message=too_large_message(self.guard),
            )
        name = Path(upload.filename).name
        upload_id, path = self._workspace().save_upload(name, data)
        entry = await run_in_threadpool(self._lint, path, name)
        self._workspace().save_result(upload_id, entry)
        return RedirectResponse(f"/check/{upload_id}", status_code=303)

    def _result(self, request: Request) -> FileReport | None:
        return self._workspace().result(request.path_params["upload_id"])

    async def result(self, request: Request) -> Response:
        """What to change before submitting, most important first."""
        entry = self._result(request)
        if entry is None:
            return self.page(
                "message.html.j2",
                404,
                title="Not found",
                message="That check is no longer here; check the PEP again.",
            )
        plan = things_to_fix(entry.checklist, entry.findings) if entry.checklist else None
        return self.page(
            "result.html.j2",
            entry=entry,
            check=self_check(entry),
            to_fix=plan.points if plan else [],
            suggestions=plan.advice if plan else [],
            upload_id=request.path_params["upload_id"],
        )

    async def download(self, request: Request) -> Response:
        """The to-do list as Word or PDF."""
        entry = self._result(request)
        kind = request.path_params["kind"]
        if entry is None or kind not in ("docx", "pdf"):
            return self.page(
                "message.html.j2", 404, title="Not found", message="That check is no longer here."
            )
        if kind == "docx":
            body, media, suffix = (
                downloads.todo_docx(entry, entry.path),
                DOCX_TYPE,
                "-self-check.docx",
            )
        else:
            body, media, suffix = (
                downloads.todo_pdf(entry, entry.path),
                "application/pdf",
                "-self-check.pdf",
            )
        name = _download_name(entry.path, suffix)
        return Response(
            body,
            media_type=media,
            headers={"content-disposition": f'attachment; filename="{name}"'},
        )

    async def target_form(self, request: Request) -> Response:
        """The target helper: type one target, see its SMART parts."""
        return self.page("target.html.j2", advice=None, text="")

    async def target_check(self, request: Request) -> Response:
        """Which SMART parts one target has, what is missing, and wording to add."""
        from peplint.target_helper import advise

        form = await self._form(request)
        if isinstance(form, Response):
            return form
        text = (_text(form.get("target")) or "").strip()[:2000]
        if not text:
            return self.page(
                "target.html.j2", 400, advice=None, text="", error="Type a target first."
            )
        advice = await run_in_threadpool(advise, text)
        return self.page("target.html.j2", advice=advice, text=text)

    # -- the QA officer's review ----------------------------------------------------
    def _folder(self) -> BulkFolder:
        assert self.folder is not None
        return self.folder

    @property
    def spec(self) -> ChecklistSpec:
        """The checklist of the pack the review uses."""
        return self.config.setup.checklist

    async def dashboard(self, request: Request) -> Response:
        """The run's PEPs, filterable and sortable, with review progress and agreement."""
        if self.folder is None:
            return self.page(
                "message.html.j2",
                404,
                title="No review folder",
                message="Start peplint serve with a bulk output folder to review it.",
            )
        q = request.query_params
        filters = Filters(
            school=q.get("school", ""),
            teacher=q.get("teacher", ""),
            failing=q.get("failing", ""),
            overdue=q.get("overdue") == "on",
            low_coverage=q.get("coverage") == "on",
            reviewed=q.get("reviewed", "") if q.get("reviewed") in ("yes", "no") else "",
            sort=q.get("sort", "file"),
            descending=q.get("order") == "desc",
        )
        folder = self._folder()
        decisions = load_decisions(folder.out)
        rows = select(folder, decisions, filters, self.config.coverage_threshold)
        reviewed = sum(
            1 for r in folder.rows if decisions.peps.get(r["report"], PepDecision()).reviewed
        )
        return self.page(
            "dashboard.html.j2",
            folder=folder,
            rows=rows,
            decisions=decisions.peps,
            filters=filters,
            schools=sorted({r.get("school") or "" for r in folder.rows} - {""}),
            teachers=sorted({r.get("designated_teacher") or "" for r in folder.rows} - {""}),
            items=folder.item_ids,
            sort_keys=SORT_KEYS,
            reviewed=reviewed,
            total=len(folder.rows),
            agreement=agreement(folder, decisions),
            is_overdue=lambda row: is_overdue(row, folder.as_of),
            coverage_of=coverage_of,
        )

    def _pep(self, request: Request) -> tuple[str, FileReport] | Response:
        if self.folder is None:
            return self.page(
                "message.html.j2",
                404,
                title="No review folder",
                message="Start peplint serve with a bulk output folder to review it.",
            )
        key = request.query_params.get("key", "")
        entry = self._folder().report(key)
        if entry is None:
            return self.page(
                "message.html.j2",
                404,
                title="Not found",
                message="There is no PEP with that name in this review folder.",
            )
        return key, entry

    async def pep(self, request: Request) -> Response:
        """One PEP: checklist with evidence, findings, draft feedback, the officer's form."""
        found = self._pep(request)
        if isinstance(found, Response):
            return found
        key, entry = found
        decision = load_decisions(self._folder().out).peps.get(key, PepDecision())
        return self._pep_page(key, entry, decision, saved=request.query_params.get("saved") == "1")

    def _pep_page(
        self,
        key: str,
        entry: FileReport,
        decision: PepDecision,
        status: int = 200,
        error: str | None = None,
        saved: bool = False,
    ) -> Response:
        decided = apply_decision(entry, decision, self.spec)
        return self.page(
            "pep.html.j2",
            status,
            key=key,
            entry=entry,
            decided=decided,
            decision=decision,
            options=rating_options(self.spec),
            error=error,
            saved=saved,
        )

    async def save(self, request: Request) -> Response:
        """Record the officer's answers, feedback and review mark."""
        found = self._pep(request)
        if isinstance(found, Response):
            return found
        key, entry = found
        form = await self._form(request)
        if isinstance(form, Response):
            return form
        options = rating_options(self.spec)
        previous = load_decisions(self._folder().out).peps.get(key, PepDecision())
        decision = PepDecision(sha256=entry.sha256, reviewed=_text(form.get("reviewed")) == "on")
        missing: list[str] = []
        for item in entry.checklist.items if entry.checklist else []:
            chosen = _text(form.get(f"answer-{item.id}")) or item.answer
            if chosen not in options and chosen != item.answer:
                chosen = item.answer
            reason = (_text(form.get(f"reason-{item.id}")) or "").strip()
            if chosen != item.answer:
                if not reason:
                    missing.append(item.id)
                decision.answers[item.id] = AnswerChange(
                    answer=chosen, peplint_answer=item.answer, reason=reason
                )
        feedback = (_text(form.get("feedback")) or "").replace("\r\n", "\n")
        if feedback.strip() and feedback.strip() != entry.feedback.strip():
            decision.feedback = feedback
        if missing:
            return self._pep_page(
                key, entry, decision, 400, error=f"Give a reason for changing {', '.join(missing)}."
            )
        decision.reviewed_at = now_text() if decision.reviewed else None
        if decision.reviewed and previous.reviewed and previous.reviewed_at:
            decision.reviewed_at = previous.reviewed_at
        folder = self._folder()
        decisions = load_decisions(folder.out)
        decisions.peps[key] = decision
        await run_in_threadpool(save_decisions, folder.out, decisions)
        rules = (
            {item.id: list(item.rules) for item in entry.checklist.items} if entry.checklist else {}
        )
        await run_in_threadpool(save_waivers, folder.out, waivers_for(entry, decision, rules))
        return RedirectResponse(f"/review/pep?key={_quote(key)}&saved=1", status_code=303)

    async def export(self, request: Request) -> Response:
        """The filled Word sign-off page, as the officer decided it."""
        found = self._pep(request)
        if isinstance(found, Response):
            return found
        key, entry = found
        from peplint.plugins.manager import reporters

        decision = load_decisions(self._folder().out).peps.get(key, PepDecision())
        pack = self._folder().summary.get("pack") or {}
        report = Report(
            pack=PackInfo(name=str(pack.get("name", "section-d")), version=pack.get("version", 1)),
            files=[apply_decision(entry, decision, self.spec)],
        )
        body = reporters()["docx"].render(report)  # the pack's Word form, as `lint` writes it
        name = _download_name(key, "-sign-off.docx")
        return Response(
            body,
            media_type=DOCX_TYPE,
            headers={"content-disposition": f'attachment; filename="{name}"'},
        )

    # -- wiring ---------------------------------------------------------------------
    def routes(self) -> list[Route | Mount]:
        """Every route of the page."""
        return [
            Route("/", self.home),
            Route("/check", self.upload, methods=["POST"]),
            Route("/check/{upload_id}", self.result),
            Route("/check/{upload_id}/self-check.{kind:str}", self.download),
            Route("/target", self.target_form),
            Route("/target", self.target_check, methods=["POST"]),
            Route("/review", self.dashboard),
            Route("/review/pep", self.pep),
            Route("/review/pep", self.save, methods=["POST"]),
            Route("/review/sign-off", self.export),
            Mount("/static", StaticFiles(packages=[("peplint.web", "static")]), name="static"),
        ]

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        """Make the private folder on start; delete it, and everything in it, on stop."""
        self._workspace()
        try:
            yield
        finally:
            if self.workspace is not None:
                self.workspace.remove()


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


def create_app(config: ServeConfig) -> tuple[Any, WebApp]:
    """The ASGI app behind its guards, and the WebApp that holds its state."""
    web = WebApp(config)
    starlette = Starlette(routes=web.routes(), lifespan=web.lifespan)
    return GuardMiddleware(starlette, config.guard), web
