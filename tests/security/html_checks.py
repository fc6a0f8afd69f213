"""Reading a page the way a browser would (html.parser), to find live code and unguarded forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Values that become URLs a browser would follow or load.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}
OWN_SCRIPTS = "/static/"


@dataclass
class Form:
    action: str
    has_token: bool = False


@dataclass
class PageReport:
    problems: list[str] = field(default_factory=list)
    post_forms: list[Form] = field(default_factory=list)


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.report = PageReport()
        self.in_script = False
        self.form: Form | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name.startswith("on"):
                self.report.problems.append(f"<{tag} {name}=…> event handler")
            squeezed = "".join(value.split()).lower()
            if name in URL_ATTRIBUTES and squeezed.startswith(
                ("javascript:", "vbscript:", "data:text/html")
            ):
                self.report.problems.append(f"<{tag} {name}={value!r}> script URL")
        if tag == "script":
            if not values.get("src", "").startswith(OWN_SCRIPTS):
                self.report.problems.append(f"<script> not from our static files: {values}")
            self.in_script = True
        if tag in ("iframe", "object", "embed", "base"):
            self.report.problems.append(f"<{tag}> element")
        if tag == "form" and values.get("method", "get").lower() == "post":
            self.form = Form(values.get("action", ""))
            self.report.post_forms.append(self.form)
        if tag == "input" and self.form is not None and values.get("name") == "csrfmiddlewaretoken":
            self.form.has_token = bool(values.get("value"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.in_script = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False
        if tag == "form":
            self.form = None

    def handle_data(self, data: str) -> None:
        if self.in_script and data.strip():
            self.report.problems.append(f"inline script: {data.strip()[:80]!r}")


def inspect(html: str) -> PageReport:
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector.report
