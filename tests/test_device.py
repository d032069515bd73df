"""The device file: PIN, folders and speech belong to the kiosk, never to the content."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import BUNDLED

from kiosk.cli import main
from kiosk.content.config import load_config
from kiosk.stats.usage import UsageStore
from kiosk.system import device as device_module
from kiosk.system.device import load_device
from kiosk.system.pin import hash_pin, verify_pin, write_pin_hash


@pytest.fixture
def kiosk_device(tmp_path: Path) -> Path:
    """A device as install.sh leaves it: content, state and the device file apart."""
    content = tmp_path / "srv" / "content"
    shutil.copytree(BUNDLED, content)
    device = tmp_path / "etc" / "kiosk.toml"
    device.parent.mkdir()
    device.write_text(
        "[device]\n"
        f'content = "{content}"\n'
        f'state_dir = "{tmp_path / "var"}"\n'
        'speech_engine = "none"\n'
        "\n[kiosk]\nidle_timeout_s = 300\n"
    )
    return device


def stats_db(device: Path) -> Path:
    return load_device(device).state_dir / "usage.sqlite3"


def count_a_session(db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    store = UsageStore(db)
    store.session_started("en")
    store.session_ended("idle", 60.0)
    store.close()


def set_pin(monkeypatch, pin: str, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    return main(["set-pin", *args, "--pin-stdin"])


def test_every_command_finds_the_device_file_by_the_same_rule(tmp_path, monkeypatch):
    flag, env = tmp_path / "flag.toml", tmp_path / "env.toml"
    monkeypatch.setenv("KIOSK_DEVICE", str(env))
    assert device_module.device_path(flag) == (flag, True)
    assert device_module.device_path(None) == (env, True)
    monkeypatch.delenv("KIOSK_DEVICE")
    assert device_module.device_path(None) == (Path("/etc/kiosk/kiosk.toml"), False)


def test_copying_new_content_over_a_devices_content_keeps_its_pin_and_statistics(
    kiosk_device, tmp_path, capsys, monkeypatch
):
    assert set_pin(monkeypatch, "482913", "--device", str(kiosk_device)) == 0
    db = stats_db(kiosk_device)
    count_a_session(db)
    content = load_device(kiosk_device).content
    # An editor's folder, copied over the device's content (as README says to update it).
    editor = tmp_path / "editor"
    shutil.copytree(BUNDLED, editor)
    (editor / "en" / "explainers" / "how-it-works.md").write_text(
        (BUNDLED / "en" / "explainers" / "how-it-works.md").read_text() + "\nOne more line.\n"
    )
    shutil.copytree(editor, content, dirs_exist_ok=True)

    device = load_device(kiosk_device)
    assert verify_pin("482913", device.pin_hash)
    assert "pin_hash" not in (content / "kiosk.toml").read_text()
    capsys.readouterr()
    assert main(["stats", "--device", str(kiosk_device)]) == 0
    assert re.search(r"Sessions: +1\n", capsys.readouterr().out)


def test_stats_without_a_statistics_file_warns_instead_of_printing_zero(kiosk_device, capsys):
    assert main(["stats", "--device", str(kiosk_device)]) == 1
    out, err = capsys.readouterr()
    assert "Sessions: 0" not in out
    assert "no statistics at" in err and str(kiosk_device) in err
    assert not stats_db(kiosk_device).exists()  # asking never creates one


def test_set_pin_writes_the_device_file_and_leaves_the_content_alone(kiosk_device, monkeypatch):
    content = load_device(kiosk_device).content
    before = (content / "kiosk.toml").read_bytes()
    new_device = kiosk_device.parent / "new" / "kiosk.toml"  # a fresh device: no file yet
    args = ["--device", str(new_device), "--content", str(content)]
    assert set_pin(monkeypatch, "715028", *args) == 0
    assert verify_pin("715028", load_device(new_device).pin_hash)
    assert (content / "kiosk.toml").read_bytes() == before
    assert load_device(new_device).problems == ()


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("admin", "pin_hash", '""'),
        ("kiosk", "state_dir", '"/var/lib/kiosk"'),
        ("kiosk", "speech_engine", '"none"'),
    ],
)
def test_check_refuses_a_device_key_in_the_content_and_says_where_it_goes(
    tmp_path, capsys, section, key, value
):
    content = tmp_path / "content"
    shutil.copytree(BUNDLED, content)
    toml = content / "kiosk.toml"
    text = toml.read_text()
    assert f"[{section}]\n" in text
    toml.write_text(text.replace(f"[{section}]\n", f"[{section}]\n{key} = {value}\n"))
    assert main(["check", "--content", str(content)]) == 1
    out = capsys.readouterr().out
    assert f"{section}.{key} belongs to the device" in out and "[config-device-key]" in out
    assert "device file" in out and "docs/configuration.md" in out


def test_a_state_or_log_folder_inside_the_content_is_refused(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(BUNDLED, content)
    device = tmp_path / "device.toml"
    device.write_text(f'[device]\nstate_dir = "{content / "state"}"\nlog_dir = "{content}"\n')
    assert main(["check", "--content", str(content), "--device", str(device)]) == 1
    out = capsys.readouterr().out
    assert out.count("[device-folder-in-content]") == 2
    safe = load_device(device).safe_folders(content)
    assert not safe.state_dir.resolve().is_relative_to(content.resolve())
    assert not safe.log_dir.resolve().is_relative_to(content.resolve())


def test_device_overrides_apply_on_top_of_the_content(kiosk_device):
    device = load_device(kiosk_device)
    config = device.apply(load_config(device.content))
    assert config.idle_timeout_s == 300
    assert device.speech_engine == "none"
    assert load_config(device.content).idle_timeout_s == 120  # the content is unchanged


def test_a_device_file_with_content_settings_is_refused(tmp_path):
    device = tmp_path / "device.toml"
    device.write_text('[clinic]\nname = "X"\n[kiosk]\nlanguages = ["en"]\nwarning_s = 5\n')
    codes = [p.code for p in load_device(device).problems]
    assert codes == ["config-unknown-key", "config-unknown-key", "config-range"]


def test_the_pin_hash_is_written_only_as_a_hash(tmp_path):
    device = tmp_path / "device.toml"
    device.write_text("[admin]\n")
    write_pin_hash(device, hash_pin("864213"))
    assert "864213" not in device.read_text()


def test_a_device_file_cannot_choose_the_silent_test_engine(tmp_path):
    """Qt's mock engine makes no sound: it is the tests' (tests/mock_speech.py), never a
    clinic's; a device that names it gets the default and a problem saying why."""
    device = tmp_path / "device.toml"
    device.write_text('[device]\nspeech_engine = "mock"\n')
    loaded = load_device(device)
    assert loaded.speech_engine == "auto"
    assert [p.code for p in loaded.problems] == ["config-range"]
