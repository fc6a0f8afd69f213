"""Import pages: upload → preview (editable column mapping) → confirm; history with undo; export."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coffeechat.accounts.services import profile_of
from coffeechat.common.owned import get_owned_or_404
from coffeechat.domain.field_choices import FieldChoices
from coffeechat.domain.importers import (
    FIELDS,
    FORMATS,
    IGNORE,
    ContactRow,
    UnreadableFileError,
    Workbook,
    read_workbook,
)
from coffeechat.domain.work_fields import FIELDS as WORK_FIELDS
from coffeechat.network.forms import ImportFieldsForm, import_fields_form
from coffeechat.network.models import Contact, ImportBatch
from coffeechat.network.transfer import exports, imports, stash
from coffeechat.network.transfer.imports import safe_file_name
from coffeechat.network.transfer.plan import Plan

# What people see: the names the files go by, and the details a column can fill, in plain words.
FORMAT_LABELS: dict[str, str] = {
    "linkedin": "LinkedIn connections",
    "vcard": "Contact cards (vCard)",
    "google-csv": "Google Contacts (CSV)",
    "outlook-csv": "Outlook contacts (CSV)",
    "csv": "Spreadsheet (CSV)",
    "xlsx": "Excel workbook",
}
FORMAT_CHOICES = [("auto", "Detect it for me"), *[(f, FORMAT_LABELS.get(f, f)) for f in FORMATS]]
FIELD_LABELS: dict[str, str] = {
    "first_name": "First name",
    "last_name": "Last name",
    "name": "Full name",
    "emails": "E-mail",
    "phones": "Phone",
    "linkedin_url": "LinkedIn profile",
    "organization": "Organization",
    "department": "Department",
    "title": "Job title",
    "website": "Website",
    "location": "Location",
    "notes": "Notes",
    "how_found": "How you found them",
    "connected_on": "Date connected",
    "tags": "Tags",
    IGNORE: "Leave out",
}
FIELD_CHOICES = [(f, FIELD_LABELS.get(f, f.replace("_", " ").capitalize())) for f in FIELDS]
FIELD_CHOICES.append((IGNORE, FIELD_LABELS[IGNORE]))
PREVIEW_ROWS = 50  # each with its field of work to check
SESSION_KEY = "import_uploads"
# Room for the multipart framing and the other form fields around the file itself.
_ENVELOPE_BYTES = 64 * 1024


def _limit_text() -> str:
    return f"{settings.UPLOAD_LIMIT_BYTES // (1024 * 1024)} MB"


def _page(request: HttpRequest, error: str = "", status: int = 200) -> HttpResponse:
    contacts = Contact.objects.owned_by(request.user).count()
    waits = {kind: exports.preparing_time(kind, contacts) for kind in exports.KINDS}
    context = {
        "contacts": f"{contacts:,}",
        "waits": waits,
        "slow": any(waits.values()),
        "error": error,
        "batches": imports.history(request.user)[:50],
        "formats": FORMAT_CHOICES,
        "limit": _limit_text(),
        "zone": profile_of(request.user).time_zone,
    }
    return render(request, "transfer/import.html", context, status=status)


def _too_big() -> str:
    return (
        f"That file is larger than {_limit_text()}, the most coffeechat accepts at once. "
        "Export fewer columns, or split the file in two and import each part."
    )


@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _page(request)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > settings.UPLOAD_LIMIT_BYTES + _ENVELOPE_BYTES:
        return _page(request, _too_big(), status=422)
    try:
        upload = request.FILES.get("file")
        fmt = request.POST.get("format", "auto")
    except (RequestDataTooBig, TooManyFilesSent):
        return _page(request, _too_big(), status=422)
    if upload is None:
        return _page(request, "Choose a file to import first.", status=422)
    if upload.size is None or upload.size > settings.UPLOAD_LIMIT_BYTES:
        return _page(request, _too_big(), status=422)
    fmt = fmt if fmt in dict(FORMAT_CHOICES) else "auto"
    data, name = upload.read(), upload.name or "upload"
    try:  # a workbook is unpacked once, here, within its limits; its rows are kept
        workbook = read_workbook(data, filename=name, fmt=fmt)
    except UnreadableFileError as exc:
        return _page(request, f"We couldn't read {safe_file_name(name)}: {exc.reason}", 422)
    key = stash.put(request.user, data, name, fmt, workbook)
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-9:], key]
    return redirect("import-preview", key=key)


def _stashed(request: HttpRequest, key: str) -> stash.Stashed:
    found = stash.get(request.user, key) if key in request.session.get(SESSION_KEY, []) else None
    if found is None:
        raise Http404("That upload has expired. Choose the file again.")
    return found


@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, key: str) -> HttpResponse:
    stashed = _stashed(request, key)
    action = request.POST.get("action")
    if request.method == "POST" and action in ("confirm", "fields"):
        form = import_fields_form(request.POST, max_rows=PREVIEW_ROWS)
        if not form.is_valid():
            return _preview(request, stashed, form)
        kept = FieldChoices.from_json(stashed.field_choices)
        choices = kept.revised(form.whole(kept.whole), form.edits())
        if action == "confirm":
            return _confirm(request, stashed, choices)
        stash.remember_choices(
            request.user, stashed, stashed.fmt, stashed.column_map, choices.as_json()
        )
        return redirect("import-preview", key=stashed.key)
    if request.method == "POST":
        return _remap(request, stashed)
    return _preview(request, stashed)


def _preview(
    request: HttpRequest, stashed: stash.Stashed, form: ImportFieldsForm | None = None
) -> HttpResponse:
    """The preview; with an invalid `form` (a field of work we can't keep), its errors, 422."""
    try:
        result = _read(stashed)
    except UnreadableFileError as exc:
        stash.drop(request.user, stashed.key)
        return _page(request, f"We couldn't read {stashed.file_name}: {exc.reason}", status=422)
    choices = FieldChoices.from_json(stashed.field_choices)
    plan = imports.preview(request.user, result, choices)
    summary = imports.ImportSummary.of(plan)
    context: dict[str, Any] = {
        "stashed": stashed,
        "result": result,
        "summary": summary,
        "rows": _rows_with_fields(result.rows[:PREVIEW_ROWS], plan),
        "more_rows": max(len(result.rows) - PREVIEW_ROWS, 0),
        "work_fields": _work_fields(request.user, plan, choices),
        "columns": list(result.columns.items()),
        "field_choices": FIELD_CHOICES,
        "formats": FORMAT_CHOICES,
        "format_label": FORMAT_LABELS.get(result.format, result.format),
        "editable": result.format != "vcard",
        "errors": [] if form is None else [e for errors in form.errors.values() for e in errors],
    }
    status = 200 if form is None else 422
    return render(request, "transfer/preview.html", context, status=status)


def _rows_with_fields(rows: Sequence[ContactRow], plan: Plan) -> list[dict[str, Any]]:
    """Each row shown with the person it adds (None when it adds nobody) and their field."""
    new = {contact.line: contact for contact in plan.new_contacts}
    return [{"row": row, "new": new.get(row.line)} for row in rows]


def _work_fields(owner: Any, plan: Plan, choices: FieldChoices) -> dict[str, Any]:
    """How many new people get each field, and what the whole-import select offers."""
    counts = Counter(contact.field for contact in plan.new_contacts)
    none = counts.pop("", 0)
    mine = [str(f) for f in profile_of(owner).fields_of_interest or ()]
    offered = list(dict.fromkeys([*mine, *sorted(counts), *sorted(set(plan.guesses.values()))]))
    if choices.whole:
        offered = list(dict.fromkeys([choices.whole, *offered]))
    return {
        "counts": counts.most_common(),
        "none": none,
        "guessed": sum(1 for guess in plan.guesses.values() if guess),
        "total": len(plan.new_contacts),
        "offered": [f for f in offered if f],
        "whole": choices.whole,
        "suggestions": list(dict.fromkeys([*mine, *WORK_FIELDS])),
    }


def _read(stashed: stash.Stashed) -> Any:
    return imports.read_file(
        stashed.data,
        filename=stashed.file_name,
        fmt=stashed.fmt,
        column_map=stashed.column_map or None,
        workbook=_kept_workbook(stashed),
    )


def _kept_workbook(stashed: stash.Stashed) -> Workbook | None:
    """The rows read at upload, unless the person has since chosen another format."""
    return stashed.workbook if stashed.fmt in ("auto", "xlsx") else None


def _remap(request: HttpRequest, stashed: stash.Stashed) -> HttpResponse:
    """Save the chosen format and column mapping (server side), then show the preview again."""
    fmt = request.POST.get("format", stashed.fmt)
    fmt = fmt if fmt in dict(FORMAT_CHOICES) else "auto"
    try:
        headers = list(_read(stashed).columns)  # the file's own headers, not the client's
    except UnreadableFileError:
        headers = []
    chosen = request.POST.getlist("field")[: len(headers)]
    column_map = {
        header: field
        for header, field in zip(headers, chosen, strict=False)
        if field in dict(FIELD_CHOICES)
    }
    fields = stashed.field_choices
    if fmt != stashed.fmt:
        column_map = {}  # another format reads other columns
        fields = {}  # and other rows
    stash.remember_choices(request.user, stashed, fmt, column_map, fields)
    return redirect("import-preview", key=stashed.key)


def _confirm(request: HttpRequest, stashed: stash.Stashed, choices: FieldChoices) -> HttpResponse:
    try:
        summary = imports.run_import(
            request.user,
            stashed.data,
            filename=stashed.file_name,
            fmt=stashed.fmt,
            column_map=stashed.column_map or None,
            workbook=_kept_workbook(stashed),
            fields=choices,
        )
    except UnreadableFileError as exc:
        return _page(request, f"We couldn't read {stashed.file_name}: {exc.reason}", status=422)
    stash.drop(request.user, stashed.key)
    request.session[SESSION_KEY] = [
        k for k in request.session.get(SESSION_KEY, []) if k != stashed.key
    ]
    assert summary.batch is not None
    messages.success(request, f"Imported {stashed.file_name}.")
    return redirect("import-batch", pk=summary.batch.pk)


@require_GET
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_owned_or_404(ImportBatch, request.user, pk=pk)
    changed = imports.changed_since(request.user, batch) if batch.undone_at is None else []
    created = Contact.objects.owned_by(request.user).filter(imported_in=batch)
    context = {
        "batch": batch,
        "format_label": FORMAT_LABELS.get(batch.format, batch.format),
        "changed": changed,
        "created": created.select_related("organization").order_by("last_name", "first_name")[:50],
        "created_total": created.count(),
        "zone": profile_of(request.user).time_zone,
    }
    return render(request, "transfer/batch.html", context)


@require_POST
def batch_undo(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_owned_or_404(ImportBatch, request.user, pk=pk)
    try:
        removed = imports.undo(request.user, batch)
    except imports.UndoRefused as exc:
        changed = f" Changed since: {', '.join(exc.changed)}." if exc.changed else ""
        messages.error(request, exc.message + changed)
        return redirect("import-batch", pk=batch.pk)
    messages.success(
        request,
        f"Undone: {removed} contact{'s' if removed != 1 else ''} from {batch.file_name} removed.",
    )
    return redirect("import")


@require_GET
def export_download(request: HttpRequest, kind: str) -> FileResponse:
    if kind not in exports.KINDS:
        raise Http404("We can export .xlsx, .csv, .vcf and .json.")
    # Built in a temporary file, then streamed from it: memory stays flat however large.
    spool, content_type, file_name = exports.spooled_export(request.user, kind)
    response = FileResponse(
        spool, as_attachment=True, filename=file_name, content_type=content_type
    )
    # The page's script sent a token with the link and watches for it to come back in this
    # cookie: then the file is ready and the browser's download has begun.
    token = request.GET.get("ready", "")
    if READY_TOKEN.fullmatch(token):
        response.set_cookie(
            READY_COOKIE,
            token,
            max_age=120,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=False,  # read by the page's script, and it holds nothing secret
        )
    return response


READY_COOKIE = "export_ready"
READY_TOKEN = re.compile(r"[A-Za-z0-9]{6,32}")
