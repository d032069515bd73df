"""deploy/kiosk-content-pull and deploy/kiosk-content-rsync: a release is checked before the
`current` link moves to it, a broken one never becomes current, deleted files go."""

from __future__ import annotations

import shutil

import pytest
from rollout import (
    CONTENT,
    EXPLAINER,
    PULL,
    RSYNC,
    Editor,
    break_front_matter,
    current,
    retitle,
    run_script,
)


@pytest.mark.skipif(not shutil.which("git"), reason="needs git")
def test_git_pull_switches_to_a_checked_release_and_refuses_a_broken_one(tmp_path):
    editor = Editor(tmp_path)
    dest = tmp_path / "kiosk-content"
    first = run_script(PULL, editor.url, dest)
    assert first.returncode == 0, first.stderr
    name = current(dest).removeprefix("releases/")
    assert name.startswith("git-") and (dest / "current" / "RELEASE").read_text() == name + "\n"
    assert (dest / "current" / "kiosk.toml").exists()
    assert run_script(PULL, editor.url, dest).returncode == 0  # nothing new: nothing changes
    assert current(dest) == f"releases/{name}"

    retitle(editor.work, "Newer")
    good = editor.publish("new title")
    assert run_script(PULL, editor.url, dest).returncode == 0
    assert current(dest) == f"releases/{good}"
    assert "title: Newer How" in (dest / "current" / EXPLAINER).read_text(encoding="utf-8")

    break_front_matter(editor.work)
    bad = editor.publish("broken")
    refused = run_script(PULL, editor.url, dest)
    assert refused.returncode == 1 and "refused" in refused.stderr
    assert current(dest) == f"releases/{good}"
    assert (dest / "refused" / f"{bad}.txt").read_text().strip()
    assert not (dest / "releases" / bad).exists()
    again = run_script(PULL, editor.url, dest)  # remembered: not checked again
    assert again.returncode == 1 and "refused before" in again.stderr
    assert sorted(p.name for p in (dest / "releases").iterdir()) == sorted([name, good])


@pytest.mark.skipif(not shutil.which("rsync"), reason="needs rsync")
def test_rsync_switches_to_a_checked_copy_deletes_what_went_and_refuses_a_broken_one(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(CONTENT, source)
    extra = source / "images" / "old-poster.svg"  # a file the clinic later deletes
    extra.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    dest = tmp_path / "kiosk-content"
    assert run_script(RSYNC, source, dest).returncode == 0
    first = current(dest)
    assert (dest / "current" / "images" / "old-poster.svg").exists()
    assert run_script(RSYNC, source, dest).returncode == 0
    assert current(dest) == first  # nothing new

    extra.unlink()
    retitle(source, "Synced")
    (source / "RELEASE").write_text("2026-12-01.2\n")
    done = run_script(RSYNC, source, dest)
    assert done.returncode == 0, done.stderr
    assert current(dest) != first
    assert not (dest / "current" / "images" / "old-poster.svg").exists()
    assert (dest / "current" / "RELEASE").read_text() == "2026-12-01.2\n"
    assert "title: Synced How" in (dest / "current" / EXPLAINER).read_text(encoding="utf-8")
    # The older release is untouched by the new one (hard links, files replaced not edited).
    assert "title: How" in (dest / first / EXPLAINER).read_text(encoding="utf-8")

    good = current(dest)
    break_front_matter(source)
    refused = run_script(RSYNC, source, dest)
    assert refused.returncode == 1 and "refused" in refused.stderr
    assert current(dest) == good
    assert (dest / "refused.txt").read_text().strip()


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd-analyze")
def test_systemd_accepts_the_content_pull_units(tmp_path):
    import subprocess

    from rollout import REPO

    env = tmp_path / "content-pull.env"
    env.write_text("CONTENT_REPO=file:///srv/content.git\nCONTENT_BRANCH=main\n")
    for name in ("kiosk-content-pull.service", "kiosk-content-pull.timer"):
        text = (REPO / "deploy" / name).read_text()
        text = text.replace("@KIOSK_DIR@", str(REPO)).replace("@USER@", "root")
        (tmp_path / name).write_text(text.replace("/etc/kiosk/content-pull.env", str(env)))
    result = subprocess.run(
        [
            "systemd-analyze",
            "verify",
            *(str(tmp_path / f"kiosk-content-pull.{k}") for k in ("service", "timer")),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "kiosk-content-pull" not in result.stderr, result.stderr
