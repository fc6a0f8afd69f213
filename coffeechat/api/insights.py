"""/api/v1/insights: the figures of the caller's own search, as JSON."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from coffeechat.insights import report

router = Router(tags=["insights"])


@router.get("", response=dict[str, Any], summary="The figures of your search")
def insights(request: HttpRequest) -> dict[str, Any]:
    """Funnel (counts, rates, median days between steps), breakdowns by how people were found
    and by request rule set, reply rate and time, the referral tree, held conversations per
    field, weekly activity and the LAMP-ranked organizations with their progress."""
    return report.as_json(report.build(request.user))
