"""Generated content folders of a chosen size, built from the bundled content's own text.

Sentences and words come from content/en so the vocabulary, the markdown features and the
page lengths look like a clinic's; ids and a few invented words make every file distinct so
the search index grows as it would.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"

FRONT = """---
title: {title!r}
summary: {summary!r}
{extra}order: {order}
sources:
  - "Generated for the benchmark"
review:
  status: draft
  reviewed_by: ""
  reviewed_on: null
  next_review: 2027-05-01
---
"""


def _corpus() -> tuple[list[str], list[str]]:
    """Sentences and words of the bundled English content, front matter and markup removed."""
    sentences: list[str] = []
    for path in sorted((CONTENT / "en").glob("*/*.md")):
        text = path.read_text(encoding="utf-8").split("---", 2)[-1]
        text = re.sub(r"\{#[^}]*\}|\[([^\]]*)\]\([^)]*\)|[*#>!|`]", r"\1", text)
        for line in text.splitlines():
            line = line.strip()
            if line.startswith(("-", "|", "!")) or line[:1].isdigit() or ":" in line:
                continue
            for sentence in re.split(r"(?<=[.?!])\s+", line):
                if 6 <= len(sentence.split()) <= 30 and sentence[-1:] in ".?!":
                    sentences.append(sentence)
    words = sorted({w.lower() for s in sentences for w in re.findall(r"[A-Za-z]{4,}", s)})
    return sentences, words


def _para(rng: random.Random, sentences: list[str], count: int) -> str:
    return " ".join(rng.choice(sentences) for _ in range(count))


def _title(rng: random.Random, words: list[str], n: int, suffix: str) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + suffix


def generate(
    target: Path,
    *,
    explainers: int,
    topics: int,
    questions_per_topic: int = 4,
    pages: int = 4,
    seed: int = 8,
    with_bundled: bool = False,
) -> Path:
    """Write an English-only content folder; returns it. Files = explainers + topics."""
    rng = random.Random(seed)
    sentences, words = _corpus()
    if target.exists():
        shutil.rmtree(target)
    (target / "en" / "explainers").mkdir(parents=True)
    (target / "en" / "questions").mkdir(parents=True)
    shutil.copytree(CONTENT / "images", target / "images")
    shutil.copy(CONTENT / "en" / "strings.toml", target / "en" / "strings.toml")
    synonyms = (CONTENT / "en" / "synonyms.toml").read_text(encoding="utf-8")
    if not with_bundled:  # its [crisis] table links to bundled pages
        synonyms = synonyms.split("\n[crisis]", 1)[0] + "\n"
    (target / "en" / "synonyms.toml").write_text(synonyms, encoding="utf-8")
    toml = (CONTENT / "kiosk.toml").read_text(encoding="utf-8")
    toml = re.sub(r"languages = \[[^\]]*\]", 'languages = ["en"]', toml, count=1)
    toml = re.sub(r"\n\[clinic\.es\]\n.*?(?=\n\[)", "\n", toml, flags=re.S)  # en only
    toml = re.sub(r"featured = \[[^\]]*\]", "featured = []", toml, flags=re.S)
    (target / "kiosk.toml").write_text(toml, encoding="utf-8")
    if with_bundled:
        for kind in ("explainers", "questions"):
            for path in (CONTENT / "en" / kind).glob("*.md"):
                shutil.copy(path, target / "en" / kind / path.name)
    topic_ids = [f"topic-{n:05d}" for n in range(topics)]
    for n, topic_id in enumerate(topic_ids):
        body = [
            FRONT.format(
                title=_title(rng, words, 3, ""),
                summary=_para(rng, sentences, 1),
                extra="",
                order=n + 1,
            )
        ]
        for q in range(questions_per_topic):
            # A made-up word per question keeps the vocabulary growing with the catalog.
            token = "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4))
            body.append(f"## {_title(rng, words, 5, '?')} {token} {{#q-{n:05d}-{q}}}\n")
            body.append(_para(rng, sentences, 3) + "\n")
            if q % 2 == 0:
                body.append("".join(f"- {rng.choice(sentences)}\n" for _ in range(3)))
            if q % 3 == 0 and topics > 1:
                other = rng.randrange(topics)
                body.append(f"\nRelated: [see also](question:q-{other:05d}-0)\n")
            body.append("")
        (target / "en" / "questions" / f"{topic_id}.md").write_text(
            "\n".join(body), encoding="utf-8"
        )
    for n in range(explainers):
        topic = f"topic: {topic_ids[n % topics]}\n" if topics else ""
        body = [
            FRONT.format(
                title=_title(rng, words, 4, ""),
                summary=_para(rng, sentences, 1),
                extra=topic,
                order=n + 1,
            ),
            _para(rng, sentences, 3) + "\n",
        ]
        for p in range(1, pages):
            body.append(f"## {_title(rng, words, 4, '')}\n")
            body.append(_para(rng, sentences, 3) + "\n")
            if p == 1:
                body.append("".join(f"{i}. {rng.choice(sentences)}\n" for i in range(1, 4)))
            if p == 2:
                body.append('!!! tip "Good to know"\n    ' + rng.choice(sentences) + "\n")
        (target / "en" / "explainers" / f"explainer-{n:05d}.md").write_text(
            "\n".join(body), encoding="utf-8"
        )
    return target


def generate_files(target: Path, files: int, seed: int = 8) -> Path:
    """A folder of `files` markdown files: a quarter explainers, the rest question topics."""
    explainers = files // 4
    return generate(target, explainers=explainers, topics=files - explainers, seed=seed)


def generate_questions(target: Path, questions: int, seed: int = 8) -> Path:
    """The bundled English content plus `questions` generated questions (10 per topic)."""
    return generate(
        target,
        explainers=0,
        topics=max(1, questions // 10),
        questions_per_topic=10,
        seed=seed,
        with_bundled=True,
    )
