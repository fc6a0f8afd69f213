"""Helpers for the import and export tests: the realistic sample files of the domain tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coffeechat.network.models import ImportBatch
from coffeechat.network.transfer.imports import ImportSummary, run_import

SAMPLES = Path(__file__).parents[1] / "domain" / "importers" / "samples"


def sample_bytes(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@pytest.fixture
def import_sample(alice: Any) -> Callable[..., ImportSummary]:
    def run(name: str, user: Any = None, **options: Any) -> ImportSummary:
        return run_import(user or alice, sample_bytes(name), filename=name, **options)

    return run


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def batch_of(summary: ImportSummary) -> ImportBatch:
    assert summary.batch is not None, "a dry run has no batch"
    return summary.batch
