"""Password reset by e-mail (server mode), on Django's views with our own pages and wording.

The "sent" page is the same whether or not the address has an account, so the form can't be
used to find out who studies here.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator

from coffeechat.accounts.services import mark_email_verified
from coffeechat.accounts.views.access import server_only


def link_hours() -> int:
    return int(settings.PASSWORD_RESET_TIMEOUT) // 3600


class LinkHours:
    """The pages say how long a reset link works, from the one setting."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        return {**context, "hours": link_hours()}


class InvalidIs422:
    """Django's form views answer 200 to a bad form; ours answer 422, as everywhere else."""

    def form_invalid(self, form: Any) -> HttpResponse:
        response: HttpResponse = super().form_invalid(form)  # type: ignore[misc]
        response.status_code = 422
        return response


@method_decorator(server_only, name="dispatch")
class PasswordResetView(InvalidIs422, auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        self.extra_email_context = {"hours": link_hours()}
        return super().form_valid(form)


@method_decorator(server_only, name="dispatch")
class PasswordResetDoneView(LinkHours, auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


@method_decorator(server_only, name="dispatch")
class PasswordResetConfirmView(LinkHours, InvalidIs422, auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        # The link arrived at the address, which proves it is theirs.
        mark_email_verified(form.user, form.user.email)
        return super().form_valid(form)


@method_decorator(server_only, name="dispatch")
class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
