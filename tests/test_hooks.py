"""Start-up hooks (docs/hooks.md): named only by `kiosk run --hook` or $KIOSK_HOOK, refused
cleanly when they cannot be used, never named by a content or device file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUNDLED, REPO

from kiosk.content.config import SCHEMA as CONTENT_SCHEMA
from kiosk.content.config import load_config
from kiosk.qt.hooks import HookError, attach_hooks, hook_names, load_hooks
from kiosk.system.device import SCHEMA as DEVICE_SCHEMA
from kiosk.system.device import load_device

HOOKS = "tests.hooks"  # tests/hooks/: small hook modules for these tests


def test_the_flag_wins_over_the_environment():
    env = {"KIOSK_HOOK": "a.b, c"}
    assert hook_names(None, env) == ["a.b", "c"]
    assert hook_names(["x"], env) == ["x"]
    assert hook_names(None, {}) == [] and hook_names([], {"KIOSK_HOOK": " , "}) == []


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("no_such_hook_module", "no such module"),
        ("tests.no_such_hook_module", "no such module"),
        (f"{HOOKS}.no_attach", "has no attach(kiosk)"),
        (f"{HOOKS}.broken_import", "failed to import"),
    ],
)
def test_a_hook_that_cannot_be_used_is_refused_with_a_reason(name, says):
    with pytest.raises(HookError, match=r"hook '[\w.]+'") as caught:
        load_hooks([name])
    assert says in str(caught.value)


def test_attach_gets_the_kiosk_and_what_it_returns_is_kept():
    kiosk = object()
    (module,) = load_hooks([f"{HOOKS}.record"])
    assert attach_hooks([module], kiosk) == [("attached to", kiosk)]
    (failing,) = load_hooks([f"{HOOKS}.attach_fails"])
    with pytest.raises(HookError, match="attach failed: no socket"):
        attach_hooks([failing], kiosk)


def test_no_content_or_device_setting_names_code():
    for schema in (CONTENT_SCHEMA, DEVICE_SCHEMA):
        for section, keys in schema.items():
            for key in keys:
                assert not any(w in key for w in ("hook", "module", "plugin", "import")), (
                    f"[{section}] {key}"
                )


def test_a_hook_in_the_content_or_the_device_file_is_an_unknown_key(tmp_path):
    device = tmp_path / "device.toml"
    device.write_text(f'[device]\nhook = "{HOOKS}.record"\n')
    assert [p.code for p in load_device(device).problems] == ["config-unknown-key"]
    content = tmp_path / "content"
    content.mkdir()
    (content / "kiosk.toml").write_text(f'[kiosk]\nhook = "{HOOKS}.record"\n')
    problems = load_config(content).problems
    assert [p.code for p in problems if "hook" in p.message] == ["config-unknown-key"]


def run_kiosk(tmp_path: Path, *args: str, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--windowed", "--content", str(BUNDLED), *args],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "PYTHONPATH": str(REPO),
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


def test_kiosk_run_refuses_a_missing_hook_before_it_starts(tmp_path):
    result = run_kiosk(tmp_path, "--hook", "no_such_hook_module")
    assert result.returncode == 2
    assert "kiosk: hook 'no_such_hook_module': no such module" in result.stderr
    assert "Traceback" not in result.stderr


def test_kiosk_run_attaches_the_environment_s_hook_and_not_the_device_file_s(tmp_path):
    """The device file names a hook that would leave a mark; $KIOSK_HOOK names one that
    quits at its first frame. Only the environment's runs."""
    mark = tmp_path / "device-hook-ran"
    device = tmp_path / "device.toml"
    device.write_text(f'[device]\nhook = "{HOOKS}.leave_mark"\n')
    result = run_kiosk(
        tmp_path,
        "--device",
        str(device),
        env={"KIOSK_HOOK": f"{HOOKS}.quit_at_first_frame", "HOOK_MARK": str(mark)},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "quit_at_first_frame attached" in result.stderr
    assert not mark.exists()


def test_no_product_module_imports_the_benchmark_or_the_tests():
    """The probe and the mock speech engine attach from outside (bench/, tests/)."""
    found = []
    for path in sorted((REPO / "kiosk").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            words = line.split()
            if words[:1] in (["import"], ["from"]) and words[1].split(".")[0] in (
                "bench",
                "tests",
            ):
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
