"""Every attack through `kiosk check`, in its own process with a time limit: no hang, no
crash, the problem named with its code."""

from __future__ import annotations

import pytest

from .attacks import ATTACKS
from .conftest import run_check


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_check_names_the_attack_and_finishes(content, name):
    attack, codes, fails = ATTACKS[name]
    attack(content)
    code, report, _ = run_check(content)
    found = {p["code"] for p in report["problems"]}
    assert codes <= found, (name, sorted(found))
    assert code == (1 if fails else 0), report["problems"][:5]


def test_the_bundled_content_passes(content):
    code, report, _ = run_check(content)
    assert code == 0, report["problems"][:5]
