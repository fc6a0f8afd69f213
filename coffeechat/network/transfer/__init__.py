"""Bringing a network in and taking everything out: imports (with de-duplication and undo),
contact and organization merges, exports (.xlsx, .csv, .vcf) and the JSON backup.

The parsing and writing of files is pure and lives in `coffeechat.domain.importers` and
`coffeechat.domain.exporters`; this package ties them to the database.
"""
