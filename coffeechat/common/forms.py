"""The rules every form keeps, whatever it is for: web pages, the API and the CLI all use them.

`CheckedForm` and `CheckedModelForm` add, to each field of the form:

- dates and times: the range in `domain.limits` (years 1900–2200);
- text: no NUL and no lone surrogate; a one-line input (a name, a title, a subject) also no
  line or paragraph separator, control character or bidirectional override.

The checks run as the field's own validators, before any `clean_<field>` sees the value, so a
form's own rules never meet a year-1 date or a broken character.
"""

from __future__ import annotations

from typing import Any

from django import forms

from coffeechat.common import validators


def apply_input_rules(form: forms.BaseForm) -> None:
    for field in form.fields.values():
        if isinstance(field, forms.DateField | forms.DateTimeField):
            field.validators.append(validators.date_in_range)
        elif isinstance(field, forms.CharField) and not isinstance(
            field.widget, forms.PasswordInput
        ):
            one_line = isinstance(field.widget, forms.TextInput | forms.HiddenInput)
            field.validators.append(
                validators.single_line if one_line else validators.storable_text
            )


class InputRulesMixin:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        apply_input_rules(self)  # type: ignore[arg-type]


class CheckedForm(InputRulesMixin, forms.Form):
    pass


class CheckedModelForm(InputRulesMixin, forms.ModelForm):
    pass


class FieldsetsMixin:
    """A long form shown in groups a reader can scan (docs/design.md, Form fields).

    Each group starts at a field named in `fieldset_starts` and runs to the next one, so a field
    added to the form always lands in a group and none is shown twice."""

    fieldset_starts: dict[str, str] = {}

    def fieldsets(self) -> list[tuple[str, list[Any]]]:
        """(legend, bound fields) in form order."""
        groups: list[tuple[str, list[Any]]] = []
        for field in self:  # type: ignore[attr-defined]
            if field.name in self.fieldset_starts or not groups:
                groups.append((self.fieldset_starts.get(field.name, ""), []))
            groups[-1][1].append(field)
        return groups
