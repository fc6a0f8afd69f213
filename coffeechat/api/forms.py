"""Run API payloads through the same Django forms as the web pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.models import model_to_dict


def validated(form: forms.BaseForm) -> forms.BaseForm:
    from coffeechat.api.main import FormErrors

    if not form.is_valid():
        errors = {
            ("non_field" if name == "__all__" else name): [str(m) for m in messages]
            for name, messages in form.errors.items()
        }
        raise FormErrors(errors)
    return form


def form_data(
    instance: Any, form_class: type[forms.ModelForm], changes: dict[str, Any]
) -> dict[str, Any]:
    """The instance's current values overlaid with the payload's, as form data (for PATCH)."""
    fields = list(form_class._meta.fields or [])
    data = {k: v for k, v in model_to_dict(instance, fields=fields).items() if v is not None}
    data.update(changes)  # only the fields the client sent; null clears a field
    # A form reads a missing checkbox as False and an empty string as "no value".
    return {k: "on" if v is True else "" if v is False or v is None else v for k, v in data.items()}
