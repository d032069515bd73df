"""The maintenance PIN: salted scrypt hashes, a lockout guard, and writing the hash to kiosk.toml.

Encoded hash format: ``scrypt$131072$8$1$<salt base64>$<hash base64>`` (standard base64 with
padding), so the cost parameters travel with the hash and can be raised later; hashes made
with the old cost (N=16384) and old 4-digit PINs still verify, but a new PIN must have at
least 6 digits and not be an obvious one. Wrong tries and lockouts are kept in the state
folder, so a restart does not give an attacker fresh attempts.
"""

from __future__ import annotations

import base64
import binascii
import copy
import enum
import hashlib
import hmac
import json
import logging
import math
import os
import re
import stat
import tempfile
import time
import tomllib
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any, NamedTuple

# OWASP's first choice for scrypt (N=2^17, r=8, p=1: 128 MiB); about 0.3-0.45 s here.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
DKLEN = 32
SALT_BYTES = 16
PIN_MIN_DIGITS = 6
PIN_MAX_DIGITS = 8  # what the PIN pad takes (PinPad.qml maxDigits)
LEGACY_MIN_DIGITS = 4  # PINs set before 6 digits were required still open the pad
MAX_LOCKOUT_S = 24 * 3600
# Beyond repeats and runs (checked by rule): PINs people pick first.
COMMON_PINS = frozenset(
    {
        "121212",
        "112233",
        "123123",
        "123321",
        "654321",
        "696969",
        "101010",
        "131313",
        "159753",
        "147258",
        "147852",
        "258369",
        "789456",
        "456123",
        "102030",
        "111222",
        "000111",
        "102938",
        "246810",
        "135790",
        "200000",
        "199999",
        "202020",
    }
)
log = logging.getLogger("kiosk.pin")

# Bounds for hashes read from a file: a tampered kiosk.toml must not make verification
# allocate gigabytes or spin for minutes.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16
_MAX_MEMORY = 256 * 1024 * 1024

_PIN_RE = re.compile(rf"[0-9]{{{PIN_MIN_DIGITS},{PIN_MAX_DIGITS}}}")
_VERIFY_RE = re.compile(rf"[0-9]{{{LEGACY_MIN_DIGITS},{PIN_MAX_DIGITS}}}")
_B64 = r"[A-Za-z0-9+/]+={0,2}"
_ENCODED_RE = re.compile(
    rf"scrypt\$([0-9]{{1,8}})\$([0-9]{{1,3}})\$([0-9]{{1,3}})\$({_B64})\$({_B64})"
)


def validate_pin(pin: str) -> None:
    """Raise ValueError unless pin is 6 to 8 ASCII digits and not an obvious PIN."""
    if not isinstance(pin, str) or not _PIN_RE.fullmatch(pin):
        raise ValueError(f"the PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9)")
    why = trivial_reason(pin)
    if why:
        raise ValueError(f"the PIN is too easy to guess ({why}); choose another")


def trivial_reason(pin: str) -> str:
    """Why a PIN of digits is too easy to guess, or ""."""
    digits = [int(c) for c in pin]
    steps = {(b - a) % 10 for a, b in zip(digits, digits[1:], strict=False)}
    if len(set(digits)) == 1:
        return "one digit repeated"
    if steps in ({1}, {9}):
        return "digits in a row"
    for period in (2, 3):  # 121212, 123123
        if len(pin) % period == 0 and pin == pin[:period] * (len(pin) // period):
            return "a short pattern repeated"
    if len(set(digits)) <= 2:
        return "only two different digits"
    if pin in COMMON_PINS or pin[::-1] in COMMON_PINS:
        return "one of the most common PINs"
    return ""


def is_valid_hash(encoded: object) -> bool:
    """True if `encoded` is a PIN hash this module can verify (within its cost bounds).

    For whoever stores the hash (kiosk.toml today, a device file tomorrow): a garbage hash
    would lock staff out, so it is refused where it is read."""
    return _parse(encoded) is not None


class _Params(NamedTuple):
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes


def _parse(encoded: object) -> _Params | None:
    if not isinstance(encoded, str):
        return None
    match = _ENCODED_RE.fullmatch(encoded)
    if not match:
        return None
    n, r, p = (int(match.group(i)) for i in (1, 2, 3))
    try:
        salt = base64.b64decode(match.group(4), validate=True)
        digest = base64.b64decode(match.group(5), validate=True)
    except (binascii.Error, ValueError):
        return None
    if n < 2 or n > _MAX_N or n & (n - 1):  # scrypt needs a power of two
        return None
    if not (1 <= r <= _MAX_R and 1 <= p <= _MAX_P) or 128 * n * r > _MAX_MEMORY:
        return None
    if len(salt) < 8 or len(digest) != DKLEN:
        return None
    return _Params(n, r, p, salt, digest)


def _scrypt(pin: str, n: int, r: int, p: int, salt: bytes, dklen: int) -> bytes:
    maxmem = 128 * r * (n + p + 2) + 1024 * 1024
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=dklen)


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """Hash a PIN with a fresh 16-byte random salt (or the given one, for tests)."""
    validate_pin(pin)
    if salt is None:
        salt = os.urandom(SALT_BYTES)
    if not isinstance(salt, bytes) or len(salt) != SALT_BYTES:
        raise ValueError(f"salt must be {SALT_BYTES} bytes")
    digest = _scrypt(pin, SCRYPT_N, SCRYPT_R, SCRYPT_P, salt, DKLEN)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_pin(pin: str, encoded: str) -> bool:
    """True if pin matches encoded. Never raises: anything malformed is simply False."""
    params = _parse(encoded)
    if params is None or not isinstance(pin, str) or not _VERIFY_RE.fullmatch(pin):
        return False
    try:
        digest = _scrypt(pin, params.n, params.r, params.p, params.salt, len(params.digest))
    except (ValueError, MemoryError, OverflowError):
        return False
    return hmac.compare_digest(digest, params.digest)


# -- lockout ---------------------------------------------------------------------------


class PinResult(enum.Enum):
    OK = "ok"
    WRONG = "wrong"
    LOCKED = "locked"


class PinGuard:
    """Counts wrong PINs; after max_attempts in a row, refuses every try for a lockout.

    The wrong try that uses up the last attempt returns WRONG (it was checked); from then
    on `locked_seconds_left() > 0` and tries return LOCKED until the lockout ends, which
    restores all attempts. Each lockout lasts twice as long as the one before (up to a day)
    until the right PIN is entered. With `state_path`, the count and the lockout are kept in
    that JSON file (wall-clock times), so a restart neither unlocks nor resets the count.
    """

    def __init__(
        self,
        max_attempts: int = 5,
        lockout_s: float = 300,
        clock: Callable[[], float] = time.time,
        state_path: Path | None = None,
    ) -> None:
        if max_attempts < 1 or lockout_s < 0:
            raise ValueError("max_attempts must be at least 1 and lockout_s not negative")
        self.max_attempts = max_attempts
        self.lockout_s = lockout_s
        self._clock = clock
        self.state_path = state_path
        self._failures = 0
        self._lockouts = 0  # in a row, without the right PIN in between
        self._locked_until: float | None = None
        self.problem = ""  # why the saved state could not be read or written, for staff
        self.lockouts_before_ok = 0
        self._read_state()

    # -- the state file ------------------------------------------------------------------
    def _read_state(self) -> None:
        if self.state_path is None:
            return
        try:
            with open(self.state_path, "rb") as f:
                raw = f.read(4096)
        except FileNotFoundError:
            return
        except OSError as exc:
            self.problem = f"cannot read {self.state_path.name}: {exc.strerror or exc}"
            log.warning("PIN state: %s", self.problem)
            return
        state = _valid_state(raw)
        if state is None:
            # Junk in the state folder: keep counting from zero, but say so.
            self.problem = f"{self.state_path.name} was not valid and was reset"
            log.warning("PIN state: %s", self.problem)
            return
        self._failures = min(state["failures"], self.max_attempts)
        self._lockouts = state["lockouts"]
        until = state["locked_until"]
        if until is not None:
            # A clock set back must not make a lockout last for years.
            self._locked_until = min(until, self._clock() + MAX_LOCKOUT_S)

    def _write_state(self) -> None:
        if self.state_path is None:
            return
        state = {
            "failures": self._failures,
            "lockouts": self._lockouts,
            "locked_until": self._locked_until,
        }
        try:
            self.state_path.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(self.state_path, json.dumps(state).encode())
            self.problem = ""
        except OSError as exc:  # the count still holds in memory
            self.problem = f"cannot save {self.state_path.name}: {exc.strerror or exc}"
            log.warning("PIN state: %s", self.problem)

    # -- tries -----------------------------------------------------------------------------
    def _expire(self) -> None:
        if self._locked_until is not None and self._clock() >= self._locked_until:
            self._locked_until = None
            self._failures = 0
            self._write_state()

    def current_lockout_s(self) -> float:
        """How long the next lockout lasts."""
        return min(self.lockout_s * 2 ** min(self._lockouts, 20), MAX_LOCKOUT_S)

    def try_pin(self, pin: str, encoded: str) -> PinResult:
        self._expire()
        if self._locked_until is not None:
            return PinResult.LOCKED  # not even checked: no oracle while locked
        if verify_pin(pin, encoded):
            # Kept for the maintenance screen: staff learn of lockouts when they next log in.
            self.lockouts_before_ok = self._lockouts
            if self._failures or self._lockouts:
                self._failures = 0
                self._lockouts = 0
                self._write_state()
            return PinResult.OK
        self._failures += 1
        if self._failures >= self.max_attempts:
            self._locked_until = self._clock() + self.current_lockout_s()
            self._lockouts += 1
        self._write_state()
        return PinResult.WRONG

    def locked_seconds_left(self) -> float:
        self._expire()
        if self._locked_until is None:
            return 0.0
        return max(0.0, self._locked_until - self._clock())

    @property
    def locked(self) -> bool:
        return self.locked_seconds_left() > 0

    @property
    def attempts_left(self) -> int:
        self._expire()
        return max(0, self.max_attempts - self._failures)


def _valid_state(raw: bytes) -> dict[str, Any] | None:
    """The PIN state file's contents if they have exactly the expected shape."""
    try:
        state = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(state, dict) or set(state) != {"failures", "lockouts", "locked_until"}:
        return None
    counts = (state["failures"], state["lockouts"])
    if not all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n < 10**6 for n in counts):
        return None
    until = state["locked_until"]
    if until is not None and (
        not isinstance(until, int | float) or isinstance(until, bool) or not math.isfinite(until)
    ):
        return None
    return state


# -- writing kiosk.toml ----------------------------------------------------------------


class _Stmt(NamedTuple):
    kind: str  # "header" or "keyval"
    start: int  # offset of the start of its first line
    end: int  # offset just after its last line break (or end of text)
    path: tuple[str, ...]  # table path (header) or key path (keyval)
    array: bool  # header is an array of tables [[...]]
    value: tuple[int, int]  # value span (keyval)


def _line_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j + 1


def _skip_string(text: str, i: int) -> int:
    """Offset just after the TOML string starting at text[i]."""
    for quote in ('"""', "'''"):
        if text.startswith(quote, i):
            j = i + 3
            while True:
                if quote == '"""' and text[j] == "\\":
                    j += 2
                elif text.startswith(quote, j):
                    j += 3
                    extra = 0  # up to two quotes may end the content: """a""""" is 'a""'
                    while extra < 2 and j < len(text) and text[j] == quote[0]:
                        j, extra = j + 1, extra + 1
                    return j
                else:
                    j += 1
    if text[i] == "'":
        return text.index("'", i + 1) + 1
    j = i + 1
    while text[j] != '"':
        j += 2 if text[j] == "\\" else 1
    return j + 1


def _skip_value(text: str, i: int) -> int:
    """Offset just after the TOML value starting at text[i]."""
    c = text[i]
    if c in "\"'":
        return _skip_string(text, i)
    if c in "[{":
        depth, j = 0, i
        while True:
            ch = text[j]
            if ch in "\"'":
                j = _skip_string(text, j)
                continue
            if ch == "#":
                j = _line_end(text, j)
                continue
            if ch in "[{":
                depth += 1
            elif ch in "]}":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
    j = i  # a bare scalar: number, bool, date (which may contain a space)
    while j < len(text) and text[j] not in "#\r\n":
        j += 1
    while j > i and text[j - 1] in " \t":
        j -= 1
    return j


def _single_path(data: dict[str, Any]) -> tuple[tuple[str, ...], bool]:
    """The one key path in a document like {"a": {"b": {}}} (or [[a.b]] -> lists)."""
    path: list[str] = []
    node: Any = data
    array = False
    while isinstance(node, dict) and node:
        ((key, node),) = node.items()
        path.append(key)
        array = isinstance(node, list)
        if array:
            node = node[-1]
    return tuple(path), array


def _statements(text: str) -> list[_Stmt]:
    """Split valid TOML into top-level statements (headers and key/values) with offsets.

    Only good enough for documents tomllib has already accepted.
    """
    out: list[_Stmt] = []
    i = 0
    while i < len(text):
        start = i
        while i < len(text) and text[i] in " \t":
            i += 1
        if i >= len(text):
            break
        if text[i] in "\r\n#":
            i = _line_end(text, i)
            continue
        if text[i] == "[":
            end = _line_end(text, i)
            path, array = _single_path(tomllib.loads(text[i:end]))
            out.append(_Stmt("header", start, end, path, array, (0, 0)))
            i = end
            continue
        eq = i
        while text[eq] != "=":
            eq = _skip_string(text, eq) if text[eq] in "\"'" else eq + 1
        key_path, _ = _single_path(tomllib.loads(text[i:eq] + "= 0"))
        v = eq + 1
        while text[v] in " \t":
            v += 1
        v_end = _skip_value(text, v)
        end = _line_end(text, v_end)
        out.append(_Stmt("keyval", start, end, key_path, False, (v, v_end)))
        i = end
    return out


def _with_pin_hash(text: str, encoded: str) -> str:
    nl = "\r\n" if "\r\n" in text else "\n"
    line = f'pin_hash = "{encoded}"'
    statements = _statements(text)
    table: tuple[str, ...] = ()
    admin_header: int | None = None
    for index, st in enumerate(statements):
        if st.kind == "header":
            table = st.path
            if st.path == ("admin",) and not st.array:
                admin_header = index
        elif table + st.path == ("admin", "pin_hash"):
            v0, v1 = st.value  # replace just the value: comments and spacing stay
            return text[:v0] + f'"{encoded}"' + text[v1:]
    if admin_header is None:
        prefix = text if not text or text.endswith("\n") else text + nl
        blank = nl if prefix.strip() else ""
        return f"{prefix}{blank}[admin]{nl}{line}{nl}"
    # After the last key of [admin] (so its trailing comments stay with the next table).
    anchor = statements[admin_header]
    indent = ""
    for st in statements[admin_header + 1 :]:
        if st.kind == "header":
            break
        anchor = st
        first_line = text[st.start : _line_end(text, st.start)]
        indent = first_line[: len(first_line) - len(first_line.lstrip(" \t"))]
    pos = anchor.end
    lead = "" if text[:pos].endswith("\n") else nl
    return f"{text[:pos]}{lead}{indent}{line}{nl}{text[pos:]}"


def write_pin_hash(toml_path: Path, encoded: str) -> None:
    """Set [admin] pin_hash in kiosk.toml, keeping every other byte of the file.

    Raises ValueError for a malformed hash or a file that is not valid TOML (or that this
    editor cannot change safely), FileNotFoundError/OSError from the file system. The file
    is replaced atomically, so a crash leaves either the old or the new file.
    """
    if _parse(encoded) is None:
        raise ValueError("not a PIN hash made by hash_pin()")
    path = Path(toml_path).resolve()  # replace the real file, not a symlink to it
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
        before = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path.name} is not valid TOML, fix it first: {exc}") from exc

    try:
        new_text = _with_pin_hash(text, encoded)
        after = tomllib.loads(new_text)
    except (tomllib.TOMLDecodeError, ValueError, IndexError) as exc:
        raise ValueError(f"cannot set pin_hash in {path.name} safely: {exc}") from exc
    expected = copy.deepcopy(before)
    admin = expected.setdefault("admin", {})
    if not isinstance(admin, dict):
        raise ValueError(f"cannot set pin_hash in {path.name}: 'admin' is not a table")
    admin["pin_hash"] = encoded
    if after != expected:
        raise ValueError(f"cannot set pin_hash in {path.name} safely; edit [admin] by hand")
    _atomic_write(path, new_text.encode("utf-8"))


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        with suppress(OSError):
            st = path.stat()
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if hasattr(os, "chown"):
                os.chown(tmp, st.st_uid, st.st_gid)  # e.g. set-pin run with sudo
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename durable (POSIX only)
        with suppress(OSError):
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
