"""The load benchmark takes minutes and builds a campus: a mistyped option must not start it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LOAD = Path(__file__).resolve().parent.parent / "benchmarks" / "load.py"


def test_the_load_benchmark_answers_help_with_its_usage_instead_of_running() -> None:
    done = subprocess.run(
        [sys.executable, str(LOAD), "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert "benchmarks/load.py [--quick] [--keep-database]" in done.stderr
    assert done.stdout == ""  # no figures: nothing was run


def test_the_benchmark_document_ends_with_the_findings_the_next_run_keeps() -> None:
    """`run.py` rewrites docs/benchmarks.md from its figures plus benchmarks/findings.md: a
    finding written only into the document would be lost at the next run."""
    root = Path(__file__).resolve().parent.parent
    document = (root / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    findings = (root / "benchmarks" / "findings.md").read_text(encoding="utf-8").strip()
    assert document.rstrip().endswith(findings)
