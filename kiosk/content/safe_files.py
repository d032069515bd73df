"""Reading a content folder that may be hostile: only regular files, only inside it, bounded.

Content comes from USB sticks, rsync and git pulls. A FIFO must not hang the loader, a
symlink to /dev/zero must not fill memory, and a 50 MB page must not freeze the kiosk, so
every read of the content folder goes through here. Nothing in this module imports the
rest of the kiosk (config.py uses it too).
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

# Limits (the authoring guide, docs/authoring.md, lists them; keep the two in step).
MAX_TEXT_BYTES = 512 * 1024  # one markdown or TOML file
MAX_FILE_BYTES = 8 * 1024 * 1024  # one picture (or any other file in the folder)
MAX_FILES = 2000  # files in the whole content folder
MAX_TOTAL_BYTES = 64 * 1024 * 1024  # everything in the content folder together
MAX_FOLDER_DEPTH = 8  # folders inside folders

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC


@dataclass
class RefusedFile(Exception):
    """A file the kiosk will not read; code and message are for `kiosk check`."""

    code: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        return self.message


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.is_relative_to(root)
    except ValueError:
        return False


def regular_target(path: Path, root: Path) -> Path:
    """The regular file `path` names, following a link only if it stays inside `root`.

    Raises RefusedFile for links leaving the folder and for anything but a regular file
    (FIFOs, sockets, devices, folders), without opening it: opening a device or a FIFO can
    block or have side effects.
    """
    info = os.lstat(path)
    target = path
    if stat.S_ISLNK(info.st_mode):
        real_root = root.resolve()
        target = path.resolve()
        if not _inside(target, real_root):
            raise RefusedFile(
                "link-outside",
                f"{path.name} is a link to {target}, outside the content folder",
                "Copy the file into the content folder instead of linking to it.",
            )
        info = os.stat(target)
    if stat.S_ISDIR(info.st_mode):
        raise RefusedFile("unreadable-file", f"{path.name} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise RefusedFile(
            "not-a-file",
            f"{path.name} is not a regular file ({_kind(info.st_mode)})",
            "Remove it: the content folder may hold only ordinary files and folders.",
        )
    return target


def read_regular(path: Path, root: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of a regular file inside root, at most `limit` of them. Never blocks.

    Raises RefusedFile (not regular, outside, too large) or OSError.
    """
    target = regular_target(path, root)
    fd = os.open(target, _OPEN_FLAGS)
    try:
        info = os.fstat(fd)  # what was opened, not what was looked at (it may have changed)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedFile("not-a-file", f"{path.name} is not a regular file")
        if info.st_size > limit:
            raise too_large(path.name, info.st_size, limit)
        chunks, total = [], 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while we read it
                raise too_large(path.name, total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def too_large(name: str, size: int, limit: int) -> RefusedFile:
    return RefusedFile(
        "file-too-large",
        f"{name} is {size:,} bytes, over the limit of {limit:,} bytes",
        "Split the text into smaller files, or make the picture smaller.",
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a plain file"


@dataclass
class FolderScan:
    """Every entry of a content folder, walked without following links to folders."""

    files: list[tuple[str, Path]]  # (relative path, path), sorted
    refused: list[tuple[str, RefusedFile]]
    total_bytes: int = 0
    truncated: bool = False  # more than MAX_FILES entries, or folders nested too deeply


def scan_folder(root: Path) -> FolderScan:
    """List the folder's files (links checked, special files refused). Never raises."""
    scan = FolderScan([], [])
    if not root.is_dir():
        return scan
    root_depth = len(root.parts)
    for folder, dirs, names in os.walk(root, followlinks=False, onerror=lambda _e: None):
        here = Path(folder)
        if len(here.parts) - root_depth >= MAX_FOLDER_DEPTH:
            scan.truncated = True
            dirs[:] = []
        dirs.sort()
        # A link to a folder is listed among dirs but not entered: treat it as an entry.
        entries = sorted(names + [d for d in dirs if (here / d).is_symlink()])
        for name in entries:
            if len(scan.files) + len(scan.refused) >= MAX_FILES:
                scan.truncated = True
                return scan
            path = here / name
            rel = path.relative_to(root).as_posix()
            try:
                target = regular_target(path, root)
                scan.total_bytes += target.stat().st_size
                scan.files.append((rel, path))
            except (RefusedFile, OSError) as exc:
                if name.startswith("."):
                    continue  # editors' lock files (dangling links): nothing reads them
                if not isinstance(exc, RefusedFile):
                    exc = RefusedFile("unreadable-file", f"cannot read {name}: {exc}")
                scan.refused.append((rel, exc))
    scan.files.sort()
    return scan


def content_version(
    root: Path, already_read: dict[str, bytes] | None = None, scan: FolderScan | None = None
) -> str:
    """The content version: a hash of every file's name and bytes, the same on every kiosk.

    The one definition, used by the loader (Catalog.version, with the files it has read) and
    by the content cache (to find a cached catalog without loading). Refused files count by
    name and kind, so replacing one with another changes the version.
    """
    already_read = already_read or {}
    digest = hashlib.sha256()
    scan = scan or scan_folder(root)
    for rel, path in scan.files:
        data = already_read.get(rel)
        if data is None:
            try:
                data = read_regular(path, root, MAX_FILE_BYTES)
            except (OSError, RefusedFile) as exc:
                data = f"\0unreadable:{exc}".encode()
        digest.update(rel.encode() + b"\0")
        digest.update(hashlib.sha256(data).digest())
    for rel, refused in scan.refused:
        digest.update(f"{rel}\0refused:{refused.code}".encode())
    return digest.hexdigest()[:12]


def fingerprint(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and change times of every file: cheap, to see a folder change under us."""
    rows = []
    for rel, path in scan_folder(root).files:
        try:
            info = path.stat()
            rows.append((rel, info.st_size, info.st_mtime_ns))
        except OSError:
            rows.append((rel, -1, -1))
    return tuple(rows)


# -- release manifest --------------------------------------------------------------------------

MANIFEST = "release.sha256"  # `sha256sum` lines, written last by whoever copies a release


def manifest_lines(root: Path) -> str:
    """The manifest for the folder as it is now (`kiosk manifest` writes it)."""
    lines = []
    for rel, path in scan_folder(root).files:
        if rel == MANIFEST or Path(rel).name.startswith("."):
            continue
        digest = hashlib.sha256(read_regular(path, root, MAX_FILE_BYTES)).hexdigest()
        lines.append(f"{digest}  {rel}\n")
    return "".join(lines)


def check_manifest(root: Path, already_read: dict[str, bytes] | None = None) -> list[str]:
    """What does not match the folder's release manifest; [] if it matches or there is none.

    A release copied file by file is complete only when every file has the bytes the
    manifest lists, and nothing else is there: a half-copied file does not match its hash.
    """
    path = root / MANIFEST
    if not os.path.lexists(path):
        return []
    try:
        text = read_regular(path, root, MAX_TEXT_BYTES).decode("utf-8")
    except (OSError, RefusedFile, UnicodeDecodeError) as exc:
        return [f"{MANIFEST} cannot be read: {exc}"]
    expected: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        digest, _, rel = line.partition("  ")
        if len(digest) != 64 or not rel or any(c not in "0123456789abcdef" for c in digest):
            return [f"{MANIFEST} line {number} is not '<sha256>  <file>'"]
        expected[rel.removeprefix("./")] = digest
    already_read = already_read or {}
    present = {
        rel: p
        for rel, p in scan_folder(root).files
        if rel != MANIFEST and not Path(rel).name.startswith(".")
    }
    wrong = []
    for rel, digest in sorted(expected.items()):
        if rel not in present:
            wrong.append(f"{rel} is listed in {MANIFEST} but missing")
            continue
        data = already_read.get(rel)
        try:
            data = data if data is not None else read_regular(present[rel], root, MAX_FILE_BYTES)
        except (OSError, RefusedFile) as exc:
            wrong.append(f"{rel} cannot be read: {exc}")
            continue
        if hashlib.sha256(data).hexdigest() != digest:
            wrong.append(f"{rel} does not match {MANIFEST} (still being copied?)")
    wrong += [f"{rel} is not listed in {MANIFEST}" for rel in sorted(set(present) - set(expected))]
    return wrong
