"""Two kiosk processes on one machine follow one bare git repository (file://) through
deploy/kiosk-content-pull: a good commit reaches both at their next reset (on the attract
screen that is at once), a broken one reaches neither; and a broken release swapped in by
hand is refused by the kiosk itself, which keeps showing the good one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.stats.events import read_events
from tests.rollout import PULL, Editor, break_front_matter, git, retitle, run_script

pytestmark = pytest.mark.skipif(
    not __import__("shutil").which("git"), reason="needs git for the content repository"
)


class KioskProcess:
    def __init__(self, root: Path, content: Path):
        self.root = root
        self.prom = root / "kiosk.prom"
        self.log = root / "events.jsonl"
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kiosk",
                "run",
                "--windowed",
                "--content",
                str(content),
                "--event-log",
                str(self.log),
                "--metrics-file",
                str(self.prom),
            ],
            env={
                **os.environ,
                "QT_QPA_PLATFORM": "offscreen",
                "XDG_STATE_HOME": str(root / "state"),
            },
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def metrics(self) -> dict[str, dict]:
        if not self.prom.exists():
            return {}
        found: dict[str, dict] = {}
        for family in text_string_to_metric_families(self.prom.read_text(encoding="utf-8")):
            for s in family.samples:
                found.setdefault(s.name, {})[tuple(sorted(s.labels.items()))] = s.value
        return found

    def release(self) -> str:
        info = self.metrics().get("kiosk_content_info", {})
        return next((dict(labels)["release"] for labels in info), "")

    def events(self, name: str) -> list[dict]:
        return [e for e in read_events(self.log) if e["event"] == name] if self.log.exists() else []

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


def wait_until(condition, timeout: float = 60, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)  # another process: nothing to wait on but the file


def test_two_kiosks_follow_one_git_repository(tmp_path):
    editor = Editor(tmp_path)
    sites = [tmp_path / "kiosk-a", tmp_path / "kiosk-b"]
    for site in sites:
        first = run_script(PULL, editor.url, site / "content")
        assert first.returncode == 0, first.stderr
    start = "git-" + git("rev-parse", "HEAD", cwd=editor.work)[:12]
    kiosks = [KioskProcess(site, site / "content" / "current") for site in sites]
    try:
        for k in kiosks:
            wait_until(lambda k=k: k.events("first_frame"), what="the first frame")
            assert k.release() == start

        retitle(editor.work, "New")
        good = editor.publish("Updated title")
        for site in sites:
            pulled = run_script(PULL, editor.url, site / "content")
            assert pulled.returncode == 0, pulled.stderr
        for k in kiosks:
            wait_until(lambda k=k: k.release() == good, what=f"{good} in {k.prom}")
            reset = k.events("reset")[-1]
            assert reset["reason"] == "content-update"
            ready = [e for e in k.events("content_ready") if e["release"] == good]
            assert ready and reset["content_version"] == ready[-1]["version"]

        break_front_matter(editor.work)
        bad = editor.publish("Broken front matter")
        for site in sites:
            refused = run_script(PULL, editor.url, site / "content")
            assert refused.returncode == 1 and bad in refused.stderr
            assert os.readlink(site / "content" / "current") == f"releases/{good}"

        # Past the script (a hand-made swap): kiosk A refuses the release itself.
        site = sites[0] / "content"
        by_hand = site / "releases" / bad
        by_hand.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(site / "repo.git"), "archive", "refs/heads/main"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(by_hand)], input=archive, check=True)
        (by_hand / "RELEASE").write_text(bad + "\n")
        os.symlink(f"releases/{bad}", site / ".tmp-link")
        os.replace(site / ".tmp-link", site / "current")
        a, b = kiosks
        wait_until(lambda: a.events("content_rejected"), what="kiosk A refusing the release")
        assert a.events("content_rejected")[-1]["release"] == bad
        wait_until(lambda: a.metrics()["kiosk_content_update_refused"][()] == 1, what="refused=1")
        for k in kiosks:
            assert k.release() == good
            assert not any(e["release"] == bad for e in k.events("content_ready"))
        assert not b.events("content_rejected")
    finally:
        codes = [k.stop() for k in kiosks]
    errors = [k.proc.stderr.read() for k in kiosks]
    assert codes == [143, 143], errors  # SIGTERM's exit status (128 + 15): a clean stop
