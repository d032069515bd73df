"""Helpers for the content rollout tests: an editor's git repository and the deploy scripts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
PULL = REPO / "deploy" / "kiosk-content-pull"
RSYNC = REPO / "deploy" / "kiosk-content-rsync"
KIOSK = Path(sys.executable).parent / "kiosk"
EXPLAINER = Path("en") / "explainers" / "how-it-works.md"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Editor",
    "GIT_AUTHOR_EMAIL": "editor@clinic.invalid",
    "GIT_COMMITTER_NAME": "Editor",
    "GIT_COMMITTER_EMAIL": "editor@clinic.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_SYSTEM": os.devnull,
}


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def retitle(folder: Path, title: str) -> None:
    page = folder / EXPLAINER
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("title: How", f"title: {title} How", 1), encoding="utf-8")


def break_front_matter(folder: Path) -> None:
    page = folder / EXPLAINER
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\ntitle:", "---\ntitle: [broken\n", 1), encoding="utf-8")


class Editor:
    """A clinic editor's clone of the content repository, pushing to a bare one (file://)."""

    def __init__(self, root: Path):
        self.bare = root / "content.git"
        self.work = root / "editor"
        shutil.copytree(CONTENT, self.work)
        git("init", "-q", "-b", "main", cwd=self.work)
        self.commit("first release")
        git("init", "-q", "--bare", str(self.bare), cwd=root)
        git("push", "-q", str(self.bare), "main", cwd=self.work)
        self.url = self.bare.as_uri()

    def commit(self, message: str) -> str:
        git("add", "-A", cwd=self.work)
        git("commit", "-q", "-m", message, cwd=self.work)
        return git("rev-parse", "HEAD", cwd=self.work)

    def publish(self, message: str) -> str:
        commit = self.commit(message)
        git("push", "-q", str(self.bare), "main", cwd=self.work)
        return "git-" + commit[:12]


def run_script(script: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(script), *map(str, args)],
        env={**os.environ, **GIT_ENV, "KIOSK": str(KIOSK)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def current(dest: Path) -> str:
    return os.readlink(dest / "current")
