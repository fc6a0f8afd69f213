"""Pagination for every list endpoint: limit and offset bounded, so no query gets a number the
database can't hold (the fuzzer found that an offset past 2**63 crashed SQLite)."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 500


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(50, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=1_000_000_000)
