"""Maintenance PIN: scrypt hashes, lockout, and editing kiosk.toml in place."""

from __future__ import annotations

import base64
import difflib
import hashlib
import os
import stat
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.system import pin as pin_module
from kiosk.system.pin import (
    PinGuard,
    PinResult,
    hash_pin,
    validate_pin,
    verify_pin,
    write_pin_hash,
)


def cheap_hash(pin: str, salt: bytes = b"0123456789abcdef") -> str:
    """A valid encoding with a tiny cost, so lockout tests do not pay for real scrypt."""
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=16, r=1, p=1, dklen=32)
    return f"scrypt$16$1$1${b64(salt)}${b64(digest)}"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


@pytest.fixture(scope="module")
def real_hash() -> str:
    return hash_pin("246813")


class FakeClock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


# -- hashing ---------------------------------------------------------------------------


def test_hash_format(real_hash: str) -> None:
    scheme, n, r, p, salt, digest = real_hash.split("$")
    assert (scheme, n, r, p) == ("scrypt", "131072", "8", "1")  # OWASP's scrypt choice
    assert len(base64.b64decode(salt, validate=True)) == 16
    assert len(base64.b64decode(digest, validate=True)) == 32


def test_hash_matches_plain_scrypt() -> None:
    salt = bytes(range(16))
    expected = hashlib.scrypt(
        b"482913", salt=salt, n=2**17, r=8, p=1, dklen=32, maxmem=200 * 1024 * 1024
    )
    assert hash_pin("482913", salt=salt) == f"scrypt$131072$8$1${b64(salt)}${b64(expected)}"


def test_old_hashes_and_old_four_digit_pins_still_verify() -> None:
    salt = bytes(range(16))
    old = hashlib.scrypt(b"1234", salt=salt, n=2**14, r=8, p=1, dklen=32)
    encoded = f"scrypt$16384$8$1${b64(salt)}${b64(old)}"
    assert verify_pin("1234", encoded)
    assert not verify_pin("1235", encoded)


def test_salt_is_random() -> None:
    first, second = hash_pin("482913"), hash_pin("482913")
    assert first != second
    assert verify_pin("482913", first) and verify_pin("482913", second)


def test_verify_right_and_wrong(real_hash: str) -> None:
    assert verify_pin("246813", real_hash) is True
    assert verify_pin("246814", real_hash) is False
    assert verify_pin("2468130", real_hash) is False


def test_verify_accepts_other_costs() -> None:
    # The cost travels with the hash, so older or stronger hashes still verify.
    assert verify_pin("9999", cheap_hash("9999"))
    assert not verify_pin("9998", cheap_hash("9999"))


@pytest.mark.parametrize("good", ["482913", "271828", "24681357", "90721538"])
def test_validate_pin_accepts(good: str) -> None:
    validate_pin(good)


@pytest.mark.parametrize(
    "bad",
    ["", "1234", "12345", "123456789", "12a456", " 482913", "482913 ", "482913\n"]
    + ["١٢٣٤٥٦", "48.913", 482913, None],
)
def test_validate_pin_refuses(bad: object) -> None:
    with pytest.raises(ValueError, match="6 to 8 digits"):
        validate_pin(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "trivial",
    ["000000", "999999", "123456", "654321", "012345", "890123", "121212", "123123"]
    + ["112233", "111222", "696969", "12345678", "00000000"],
)
def test_validate_pin_refuses_trivial_pins(trivial: str) -> None:
    with pytest.raises(ValueError, match="too easy"):
        validate_pin(trivial)


def test_hash_pin_refuses_bad_pin_and_salt() -> None:
    with pytest.raises(ValueError):
        hash_pin("12")
    with pytest.raises(ValueError):
        hash_pin("1234")  # four digits: too short for a new PIN
    with pytest.raises(ValueError, match="16 bytes"):
        hash_pin("482913", salt=b"short")


def _good_parts() -> list[str]:
    return cheap_hash("1234").split("$")


def _with(index: int, value: str) -> str:
    parts = _good_parts()
    parts[index] = value
    return "$".join(parts)


@pytest.mark.parametrize(
    "encoded",
    [
        "",
        "1234",
        "scrypt",
        "scrypt$",
        "scrypt$16$1$1$$",
        _with(0, "bcrypt"),
        _with(0, "SCRYPT"),
        _with(1, "15"),  # not a power of two
        _with(1, "1"),
        _with(1, "0"),
        _with(1, str(2**30)),  # would need gigabytes
        _with(1, "-16"),
        _with(1, "abc"),
        _with(2, "0"),
        _with(2, "99"),
        _with(3, "0"),
        _with(3, "1000"),
        _with(4, "not base64!"),
        _with(4, "QUJD"),  # 3-byte salt
        _with(5, "QUJD"),  # 3-byte digest
        _with(5, "a"),  # bad padding
        cheap_hash("1234") + "$extra",
        cheap_hash("1234") + "\n",
        " " + cheap_hash("1234"),
        "scrypt$16384$8$1$c2FsdA==",
    ],
)
def test_malformed_hashes_are_false(encoded: str) -> None:
    assert verify_pin("1234", encoded) is False


@pytest.mark.parametrize("encoded", [None, b"scrypt$...", 42, ["scrypt"]])
def test_non_string_hash_is_false(encoded: object) -> None:
    assert verify_pin("1234", encoded) is False  # type: ignore[arg-type]


@pytest.mark.parametrize("pin", ["", "12", "abcd", None, 1234, "1234\n"])
def test_malformed_pin_is_false(pin: object) -> None:
    assert verify_pin(pin, cheap_hash("1234")) is False  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120), st.text(max_size=10))
def test_verify_never_raises_on_any_text(encoded: str, pin: str) -> None:
    assert verify_pin(pin, encoded) in (True, False)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_verify_never_raises_on_mutated_hashes(data: st.DataObject) -> None:
    good = cheap_hash("1234")
    at = data.draw(st.integers(0, len(good) - 1))
    char = data.draw(st.sampled_from("$0123456789=+/aAzZ-_ \n"))
    mutated = good[:at] + char + good[at + 1 :]
    result = verify_pin("1234", mutated)
    assert result in (True, False)
    if result:
        # Only a different spelling of the same parameters and digest may still verify:
        # never a shorter digest, another salt or a lower cost.
        new, old = pin_module._parse(mutated), pin_module._parse(good)
        assert new is not None and old is not None
        assert new == old


# -- lockout ---------------------------------------------------------------------------

GOOD = cheap_hash("1357")


def test_correct_pin_is_ok() -> None:
    guard = PinGuard(clock=FakeClock())
    assert guard.try_pin("1357", GOOD) is PinResult.OK
    assert guard.attempts_left == 5
    assert guard.locked_seconds_left() == 0
    assert not guard.locked


def test_wrong_pins_count_down() -> None:
    guard = PinGuard(clock=FakeClock())
    for left in (4, 3, 2, 1):
        assert guard.try_pin("0000", GOOD) is PinResult.WRONG
        assert guard.attempts_left == left
        assert not guard.locked


def test_lockout_after_five_wrong() -> None:
    clock = FakeClock()
    guard = PinGuard(clock=clock)
    for _ in range(5):
        assert guard.try_pin("0000", GOOD) is PinResult.WRONG
    assert guard.attempts_left == 0
    assert guard.locked
    assert guard.locked_seconds_left() == 300
    clock.now += 120
    assert guard.locked_seconds_left() == 180
    # Even the right PIN is refused while locked.
    assert guard.try_pin("1357", GOOD) is PinResult.LOCKED


def test_locked_tries_are_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    guard = PinGuard(clock=FakeClock())
    for _ in range(5):
        guard.try_pin("0000", GOOD)
    calls: list[str] = []
    monkeypatch.setattr(pin_module, "verify_pin", lambda p, e: calls.append(p) or True)
    for _ in range(20):
        assert guard.try_pin("1357", GOOD) is PinResult.LOCKED
    assert calls == []


def test_lockout_ends_and_attempts_reset() -> None:
    clock = FakeClock()
    guard = PinGuard(clock=clock)
    for _ in range(5):
        guard.try_pin("0000", GOOD)
    clock.now += 299.9
    assert guard.try_pin("1357", GOOD) is PinResult.LOCKED
    clock.now += 0.1
    assert not guard.locked
    assert guard.locked_seconds_left() == 0
    assert guard.attempts_left == 5
    assert guard.try_pin("0000", GOOD) is PinResult.WRONG
    assert guard.attempts_left == 4
    assert guard.try_pin("1357", GOOD) is PinResult.OK


def test_relock_after_lockout() -> None:
    clock = FakeClock()
    guard = PinGuard(clock=clock)
    for _ in range(5):
        guard.try_pin("0000", GOOD)
    clock.now += 300
    for _ in range(5):
        assert guard.try_pin("0000", GOOD) is PinResult.WRONG
    assert guard.try_pin("1357", GOOD) is PinResult.LOCKED
    assert guard.locked_seconds_left() == 600  # each lockout twice as long as the last


def test_correct_pin_resets_counter() -> None:
    guard = PinGuard(clock=FakeClock())
    for _ in range(4):
        guard.try_pin("0000", GOOD)
    assert guard.try_pin("1357", GOOD) is PinResult.OK
    assert guard.attempts_left == 5
    for _ in range(4):
        assert guard.try_pin("0000", GOOD) is PinResult.WRONG
    assert not guard.locked


def test_malformed_entries_count_as_wrong() -> None:
    guard = PinGuard(clock=FakeClock())
    assert guard.try_pin("12", GOOD) is PinResult.WRONG
    assert guard.try_pin("1357", "not a hash") is PinResult.WRONG
    assert guard.attempts_left == 3


def test_custom_limits() -> None:
    clock = FakeClock()
    guard = PinGuard(max_attempts=2, lockout_s=10, clock=clock)
    guard.try_pin("0000", GOOD)
    guard.try_pin("0000", GOOD)
    assert guard.locked_seconds_left() == 10
    with pytest.raises(ValueError):
        PinGuard(max_attempts=0)


def test_guard_with_real_hash(real_hash: str) -> None:
    guard = PinGuard()
    assert guard.try_pin("246813", real_hash) is PinResult.OK


def test_lockout_survives_a_restart(tmp_path: Path) -> None:
    """Five wrong tries, a restart (a new guard on the same state file), one more: locked."""
    clock = FakeClock()
    state = tmp_path / "pin-state.json"
    guard = PinGuard(clock=clock, state_path=state)
    for _ in range(5):
        guard.try_pin("0000", GOOD)
    assert guard.locked
    clock.now += 10
    restarted = PinGuard(clock=clock, state_path=state)
    assert restarted.locked and restarted.locked_seconds_left() == 290
    assert restarted.try_pin("1357", GOOD) is PinResult.LOCKED


def test_wrong_tries_count_across_restarts_and_lockouts_escalate(tmp_path: Path) -> None:
    clock = FakeClock()
    state = tmp_path / "pin-state.json"
    for _ in range(4):  # one wrong try per restart
        assert PinGuard(clock=clock, state_path=state).try_pin("0000", GOOD) is PinResult.WRONG
    guard = PinGuard(clock=clock, state_path=state)
    assert guard.attempts_left == 1
    guard.try_pin("0000", GOOD)
    assert guard.locked_seconds_left() == 300
    clock.now += 300
    guard = PinGuard(clock=clock, state_path=state)
    for _ in range(5):
        guard.try_pin("0000", GOOD)
    assert PinGuard(clock=clock, state_path=state).locked_seconds_left() == 600
    clock.now += 600
    guard = PinGuard(clock=clock, state_path=state)
    assert guard.try_pin("1357", GOOD) is PinResult.OK  # the right PIN ends the escalation
    assert PinGuard(clock=clock, state_path=state).current_lockout_s() == 300


@pytest.mark.parametrize(
    "junk",
    [b"", b"\x80\x04\x95", b"[]", b"{}", b'{"failures": -1, "lockouts": 0, "locked_until": null}']
    + [b'{"failures": 1, "lockouts": 0, "locked_until": "soon"}', b"[" * 100_000],
)
def test_junk_pin_state_is_reported_and_reset(tmp_path: Path, junk: bytes) -> None:
    state = tmp_path / "pin-state.json"
    state.write_bytes(junk)
    guard = PinGuard(clock=FakeClock(), state_path=state)
    assert guard.attempts_left == 5 and not guard.locked
    assert "not valid" in guard.problem
    guard.try_pin("0000", GOOD)
    assert PinGuard(clock=FakeClock(), state_path=state).attempts_left == 4


def test_a_clock_set_back_does_not_lock_for_years(tmp_path: Path) -> None:
    state = tmp_path / "pin-state.json"
    state.write_text('{"failures": 5, "lockouts": 1, "locked_until": 1e12}')
    assert PinGuard(clock=FakeClock(), state_path=state).locked_seconds_left() == 24 * 3600


# -- write_pin_hash --------------------------------------------------------------------

ENC = cheap_hash("1234")
ENC2 = cheap_hash("5678")


def write(tmp_path: Path, text: str, *, newline: str = "\n") -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(text.replace("\n", newline).encode())
    return path


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """(old lines removed, new lines added)."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    removed, added = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return removed, added


FULL = """\
# Kiosk settings for the clinic.
[clinic]
name = "Lakeside Clinic"   # shown on the attract screen
phone = "555-0100"

[kiosk]
languages = [
  "en",  # English
  "es",
]
idle_timeout_s = 120

[admin]
# Written by `kiosk set-pin`; never store the PIN itself.
pin_hash = ""   # empty = maintenance disabled

[theme]
accent = "#1D5F8A"
"""


def test_replaces_existing_value_only(tmp_path: Path) -> None:
    path = write(tmp_path, FULL)
    write_pin_hash(path, ENC)
    new = path.read_text()
    assert new == FULL.replace('pin_hash = ""', f'pin_hash = "{ENC}"')
    assert tomllib.loads(new)["admin"]["pin_hash"] == ENC
    write_pin_hash(path, ENC2)  # and again over a real hash
    assert path.read_text() == FULL.replace('pin_hash = ""', f'pin_hash = "{ENC2}"')


def test_adds_key_to_existing_admin_table(tmp_path: Path) -> None:
    text = """\
[clinic]
name = "X"

[admin]
exit_corner = "top-left"
lockout = 5

# Colours, checked for contrast
[theme]
accent = "#1D5F8A"
"""
    path = write(tmp_path, text)
    write_pin_hash(path, ENC)
    expected = text.replace("lockout = 5\n", f'lockout = 5\npin_hash = "{ENC}"\n')
    assert path.read_text() == expected


def test_adds_key_to_empty_admin_table(tmp_path: Path) -> None:
    text = "[admin]\n[theme]\naccent = '#000000'\n"
    path = write(tmp_path, text)
    write_pin_hash(path, ENC)
    assert path.read_text() == f"[admin]\npin_hash = \"{ENC}\"\n[theme]\naccent = '#000000'\n"


def test_admin_table_at_end_without_newline(tmp_path: Path) -> None:
    path = write(tmp_path, "[admin]\nexit = 1")
    write_pin_hash(path, ENC)
    assert path.read_text() == f'[admin]\nexit = 1\npin_hash = "{ENC}"\n'


def test_key_goes_into_admin_not_its_subtable(tmp_path: Path) -> None:
    text = "[admin]\nexit = 1\n\n[admin.extra]\nx = 2\n"
    path = write(tmp_path, text)
    write_pin_hash(path, ENC)
    data = tomllib.loads(path.read_text())
    assert data["admin"]["pin_hash"] == ENC
    assert data["admin"]["extra"] == {"x": 2}
    assert path.read_text() == text.replace("exit = 1\n", f'exit = 1\npin_hash = "{ENC}"\n')


def test_keeps_indentation_of_admin_keys(tmp_path: Path) -> None:
    text = "[admin]\n    exit = 1\n"
    path = write(tmp_path, text)
    write_pin_hash(path, ENC)
    assert path.read_text() == f'[admin]\n    exit = 1\n    pin_hash = "{ENC}"\n'


def test_appends_admin_table_when_missing(tmp_path: Path) -> None:
    text = '# settings\n[clinic]\nname = "X"  # name\n'
    path = write(tmp_path, text)
    write_pin_hash(path, ENC)
    assert path.read_text() == text + f'\n[admin]\npin_hash = "{ENC}"\n'


def test_appends_admin_table_without_final_newline(tmp_path: Path) -> None:
    path = write(tmp_path, '[clinic]\nname = "X"')
    write_pin_hash(path, ENC)
    assert path.read_text() == f'[clinic]\nname = "X"\n\n[admin]\npin_hash = "{ENC}"\n'


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    write_pin_hash(path, ENC)
    assert path.read_text() == f'[admin]\npin_hash = "{ENC}"\n'


def test_crlf_file_stays_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, FULL, newline="\r\n")
    write_pin_hash(path, ENC)
    raw = path.read_bytes()
    expected = FULL.replace('pin_hash = ""', f'pin_hash = "{ENC}"').replace("\n", "\r\n")
    assert raw == expected.encode()

    path = write(tmp_path, '[clinic]\nname = "X"\n', newline="\r\n")
    write_pin_hash(path, ENC)
    assert (
        path.read_bytes()
        == f'[clinic]\r\nname = "X"\r\n\r\n[admin]\r\npin_hash = "{ENC}"\r\n'.encode()
    )


def test_unusual_but_valid_spellings(tmp_path: Path) -> None:
    text = """\
[ admin ]   # maintenance
"pin_hash"   =   'old'   # comment stays
"""
    path = write(tmp_path, text)
    write_pin_hash(path, ENC)
    assert path.read_text() == text.replace("'old'", f'"{ENC}"')


def test_dotted_key_at_root(tmp_path: Path) -> None:
    text = 'admin.pin_hash = ""\n[clinic]\nname = "X"\n'
    path = write(tmp_path, text)
    write_pin_hash(path, ENC)
    assert path.read_text() == text.replace('""', f'"{ENC}"', 1)


def test_not_fooled_by_strings_and_arrays(tmp_path: Path) -> None:
    text = '''\
[clinic]
note = """
[admin]
pin_hash = "not this one"
"""
literal = \'\'\'
[admin]\'\'\'
grid = [
  [1, 2],
[3],
]
when = 1979-05-27 07:32:00  # a date with a space
table = { pin_hash = "nor this", a = [1, 2] }

[admin]
pin_hash = "old" # real one
'''
    path = write(tmp_path, text)
    before = tomllib.loads(text)
    write_pin_hash(path, ENC)
    new = path.read_text()
    assert new == text.replace('"old"', f'"{ENC}"')
    after = tomllib.loads(new)
    assert after["clinic"] == before["clinic"]


def test_multiline_value_is_replaced_whole(tmp_path: Path) -> None:
    text = '[admin]\npin_hash = """\nold\n"""  # note\nexit = 1\n'
    path = write(tmp_path, text)
    write_pin_hash(path, ENC)
    assert path.read_text() == f'[admin]\npin_hash = "{ENC}"  # note\nexit = 1\n'


@pytest.mark.parametrize(
    "text",
    [
        "[admin\npin_hash = ''\n",  # not TOML
        "[[admin]]\nx = 1\n",  # admin is an array of tables
        "admin = { exit = 1 }\n",  # inline table cannot be extended
        "admin = 3\n",
        "[admin]\npin_hash = 3\npin_hash = 4\n",
    ],
)
def test_refuses_files_it_cannot_edit_safely(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ValueError):
        write_pin_hash(path, ENC)
    assert path.read_text() == text
    assert os.listdir(tmp_path) == ["kiosk.toml"]


def test_refuses_malformed_hash(tmp_path: Path) -> None:
    path = write(tmp_path, FULL)
    for bad in ["", "1234", 'scrypt$16384$8$1$a"b$c', ENC + '"\n[x]']:
        with pytest.raises(ValueError, match="not a PIN hash"):
            write_pin_hash(path, bad)
    assert path.read_text() == FULL


def test_refuses_non_utf8(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b"[clinic]\nname = '\xff'\n")
    with pytest.raises(ValueError):
        write_pin_hash(path, ENC)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_pin_hash(tmp_path / "kiosk.toml", ENC)
    assert os.listdir(tmp_path) == []


def test_keeps_mode_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = write(tmp_path, FULL)
    path.chmod(0o640)
    inode = path.stat().st_ino
    write_pin_hash(path, ENC)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # replaced, not rewritten in place
    assert os.listdir(tmp_path) == ["kiosk.toml"]


def test_symlink_target_is_updated(tmp_path: Path) -> None:
    real = write(tmp_path, FULL)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    write_pin_hash(link, ENC)
    assert link.is_symlink()
    assert tomllib.loads(real.read_text())["admin"]["pin_hash"] == ENC


def test_failed_write_leaves_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, FULL)

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(pin_module.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_pin_hash(path, ENC)
    assert path.read_text() == FULL
    assert os.listdir(tmp_path) == ["kiosk.toml"]


def test_hash_round_trip_through_file(tmp_path: Path) -> None:
    path = write(tmp_path, FULL)
    encoded = hash_pin("80738291")
    write_pin_hash(path, encoded)
    stored = tomllib.loads(path.read_text())["admin"]["pin_hash"]
    assert verify_pin("80738291", stored)


# Random documents built from pieces that trip naive line editors. Keys are unique per
# table and tables unique per document, so most generated documents are valid TOML.
KEYVALS = {
    "name": 'name = "Lakeside"  # trailing comment\n',
    "count": "count = 3\n",
    "flag": "  flag = true\n",
    "when": "when = 2025-01-02 03:04:05\n",
    "pin_hash": 'pin_hash = "old"\n',
    "pin_hash'": "pin_hash = 'old'  # c\n",
    "quoted": '"quoted key" = "v"\n',
    "text": 'text = """\n[admin]\npin_hash = "x"\n"""\n',
    "lit": "lit = '''\n[theme]\n'''\n",
    "list": 'list = [\n  "a",  # c\n  [1],\n[2]\n]\n',
    "inline": "inline = { a = 1, b = [2, 3] }\n",
}
FILLERS = ["# a comment\n", "\n", "   \n", "# [admin]\n"]
TABLES = [
    "[clinic]",
    "[theme]",
    "[theme.high_contrast]",
    "[admin]",
    "[ admin ]  # x",
    "[admin.more]",
]


@st.composite
def documents(draw: st.DrawFn) -> str:
    def body() -> str:
        keys = draw(st.lists(st.sampled_from(sorted(KEYVALS)), unique_by=lambda k: k.rstrip("'")))
        lines = [KEYVALS[k] for k in keys]
        for _ in range(draw(st.integers(0, 2))):
            lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(FILLERS)))
        return "".join(lines)

    tables = draw(
        st.lists(st.sampled_from(TABLES), unique_by=lambda t: t.split("]")[0].strip("[ "))
    )
    text = body() + "".join(f"{t}\n{body()}" for t in tables)
    if draw(st.booleans()):
        text = text.rstrip("\n")  # no final newline
    return text


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(documents(), st.booleans())
def test_random_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, crlf: bool
) -> None:
    monkeypatch.setattr(pin_module.os, "fsync", lambda fd: None)  # speed only
    if crlf:
        text = text.replace("\n", "\r\n")
    try:
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return  # only valid documents are interesting
    path = tmp_path / "kiosk.toml"
    path.write_bytes(text.encode())
    try:
        write_pin_hash(path, ENC)
    except ValueError:
        pytest.fail(f"refused a document it should handle:\n{text}")
    new = path.read_bytes().decode()
    after = tomllib.loads(new)
    expected = before
    expected.setdefault("admin", {})["pin_hash"] = ENC
    assert after == expected
    removed, added = changed_lines(text, new)
    # Everything else byte-for-byte: at most the old pin_hash line (or a last line that
    # lacked its newline) goes, and at most a blank line, [admin] and pin_hash come in.
    assert len(removed) <= 1
    assert len(added) <= 3 + len(removed)
    if removed:
        assert "pin_hash" in removed[0] or not removed[0].endswith("\n")
