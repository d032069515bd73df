"""kiosk run limits glibc's malloc arenas before Qt starts its threads (kiosk/system/memory.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import types

from kiosk.system import memory


def test_glibc_takes_the_limit_in_a_fresh_process():
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    code = "from kiosk.system.memory import limit_malloc_arenas as f; print(f())"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "True"


def test_an_arena_limit_from_the_environment_wins(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert memory.limit_malloc_arenas() is False


def test_a_libc_without_mallopt_is_left_alone(monkeypatch):
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.setattr(memory.ctypes, "CDLL", lambda name: types.SimpleNamespace())
    assert memory.limit_malloc_arenas() is False


def test_no_c_library_found_is_left_alone(monkeypatch):
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.setattr(memory.ctypes.util, "find_library", lambda name: None)
    assert memory.limit_malloc_arenas() is False


def test_kiosk_run_limits_the_arenas_before_it_imports_qt(monkeypatch):
    from kiosk import cli

    calls: list[str] = []
    monkeypatch.setattr(memory, "limit_malloc_arenas", lambda: calls.append("arenas"))
    fake_app = types.ModuleType("kiosk.qt.app")
    fake_app.run = lambda options: calls.append("run") or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kiosk.qt.app", fake_app)
    monkeypatch.setattr(cli, "run_options", lambda args, content, device: None)
    assert cli.cmd_run(None, None, None) == 0  # type: ignore[arg-type]
    assert calls == ["arenas", "run"]
