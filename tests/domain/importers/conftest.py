from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coffeechat.domain.importers import ImportResult, read_contacts

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def sample() -> Callable[..., ImportResult]:
    def read(name: str, **options: Any) -> ImportResult:
        return read_contacts((SAMPLES / name).read_bytes(), filename=name, **options)

    return read
