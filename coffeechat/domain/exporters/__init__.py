"""Exporters: plain tables and contact cards → .xlsx, .csv and .vcf bytes. Pure, no I/O."""

from coffeechat.domain.exporters.spreadsheet import to_csv, to_xlsx, write_csv, write_xlsx
from coffeechat.domain.exporters.table import FORMULA_STARTS, Cell, Table, neutralize
from coffeechat.domain.exporters.vcards import VCardData, to_vcards, write_vcards

__all__ = [
    "FORMULA_STARTS",
    "Cell",
    "Table",
    "VCardData",
    "neutralize",
    "to_csv",
    "to_vcards",
    "to_xlsx",
    "write_csv",
    "write_vcards",
    "write_xlsx",
]
