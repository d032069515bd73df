"""The peer a clinic's IT would otherwise build: the same content as a MkDocs site, shown in
Debian's Chromium with --kiosk under the same Xvfb, measured the same way.

Set-up (only with --peer): MkDocs goes into its own virtualenv under .cache/peer-venv;
Chromium comes from Debian (apt-get install chromium) if it is missing.

How it is measured:
- first paint: a script added to every page reports the browser's own First Contentful
  Paint (performance.timeOrigin + the paint entry's startTime, wall clock in ms) to a
  localhost HTTP server run by the benchmark, which also serves the site. Launch -> FCP is
  that time minus the wall-clock time just before Chromium was started.
- memory: PSS summed over every Chromium process (browser, zygotes, renderers, GPU and
  utility processes) after the first page, and after 20 pages (the page script follows a
  list of pages when asked to).
- idle: CPU seconds of all Chromium processes (per-thread schedstat) over the idle period
  on the first page.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import socketserver
import statistics
import subprocess
import tempfile
import threading
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

from bench.common import REPO, cpu_seconds, pss_mib, tree, xvfb

CONTENT = REPO / "content"
PEER_VENV = REPO / ".cache" / "peer-venv"
CHROMIUM = Path("/usr/bin/chromium")

PROBE_JS = r"""
(function () {
  function report(kind, extra) {
    var body = JSON.stringify(Object.assign({kind: kind, url: location.pathname,
      timeOrigin: performance.timeOrigin}, extra || {}));
    navigator.sendBeacon("/__report", body);
  }
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (e) {
      if (e.name === "first-contentful-paint") report("fcp", {fcp: e.startTime});
    });
  }).observe({type: "paint", buffered: true});
  // Each page reports its load, then asks for the next page. The server holds that request
  // open until the benchmark starts a tour, so a page waiting costs no CPU.
  window.addEventListener("load", function () {
    report("loaded");
    fetch("/__next").then(function (r) { return r.text(); }).then(function (next) {
      if (next) location.href = next;
    });
  });
})();
"""


def ensure_tools() -> dict[str, str]:
    """MkDocs in its own virtualenv and Debian's Chromium; returns versions or raises."""
    if not (PEER_VENV / "bin" / "mkdocs").exists():
        subprocess.run(["python3", "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(PEER_VENV / "bin" / "pip"), "install", "-q", "mkdocs"], check=True)
    if not CHROMIUM.exists():
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
            check=True,
            env=env,
        )
    mkdocs = subprocess.run(
        [str(PEER_VENV / "bin" / "mkdocs"), "--version"], capture_output=True, text=True
    ).stdout.strip()
    chromium = subprocess.run(
        [str(CHROMIUM), "--version"], capture_output=True, text=True
    ).stdout.strip()
    return {"mkdocs": mkdocs, "chromium": chromium}


def build_site(work: Path, content: Path = CONTENT) -> tuple[Path, list[str]]:
    """The content folder as a MkDocs project (one page per explainer and per topic, in
    every language), built to HTML. Returns the site folder and its page paths."""
    project = work / "mkdocs"
    if project.exists():
        shutil.rmtree(project)
    docs = project / "docs"
    shutil.copytree(content / "images", docs / "images")
    question_file: dict[str, str] = {}
    languages = sorted(p.name for p in content.iterdir() if (p / "explainers").is_dir())
    for lang in languages:
        for path in (content / lang / "questions").glob("*.md"):
            for qid in re.findall(r"\{#([\w-]+)\}", path.read_text(encoding="utf-8")):
                question_file[f"{lang}:{qid}"] = f"questions/{path.stem}.md#{qid}"
    nav = []
    for lang in languages:
        section = []
        for kind in ("explainers", "questions"):
            for path in sorted((content / lang / kind).glob("*.md")):
                text = path.read_text(encoding="utf-8")

                def link(match: re.Match, lang: str = lang) -> str:
                    kind_, target = match.group(1), match.group(2)
                    if kind_ == "explainer":
                        return f"(../explainers/{target}.md)"
                    return "(../" + question_file.get(f"{lang}:{target}", "index.md") + ")"

                text = re.sub(r"\((explainer|question):([\w-]+)\)", link, text)
                text = re.sub(r"\]\(images/", "](../../images/", text)
                text = re.sub(r"^image: .*$", "", text, flags=re.M)
                target = docs / lang / kind / path.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                section.append(f"{lang}/{kind}/{path.name}")
        nav.append({lang: section})
    (docs / "index.md").write_text("# Patient education\n\nChoose a topic.\n", encoding="utf-8")
    (docs / "probe.js").write_text(PROBE_JS, encoding="utf-8")
    config = {
        "site_name": "Patient education",
        "use_directory_urls": False,
        "theme": {"name": "mkdocs", "highlightjs": False},
        "markdown_extensions": ["tables", "admonition", "attr_list", "sane_lists"],
        "extra_javascript": ["probe.js"],
        "nav": [{"Home": "index.md"}, *nav],
    }
    (project / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")  # JSON is YAML
    subprocess.run(
        [str(PEER_VENV / "bin" / "mkdocs"), "build", "-q", "-d", "site"],
        cwd=project,
        check=True,
        capture_output=True,
    )
    pages = [p.replace(".md", ".html") for s in nav for p in next(iter(s.values()))]
    return project / "site", pages


class Server:
    """Serves the site on localhost and collects the page script's reports."""

    def __init__(self, site: Path):
        self.reports: list[dict[str, Any]] = []
        self.tour: list[str] = []
        self.ready = threading.Condition()
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(site), **kwargs)

            def log_message(self, *args) -> None:
                pass

            def handle(self) -> None:
                # A page still waiting on /__next when Chromium is stopped: nothing to report.
                with suppress(BrokenPipeError, ConnectionResetError):
                    super().handle()

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                if self.path == "/__next":
                    with server.ready:
                        server.ready.wait_for(lambda: server.tour, timeout=900)
                        body = (server.tour.pop(0) if server.tour else "").encode()
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.send_header("Cache-Control", "no-store")
                    self.end_headers()
                    self.wfile.write(body)
                    return
                super().do_GET()

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                data = self.rfile.read(length)
                if self.path == "/__report":
                    report = json.loads(data)
                    report["received"] = time.time()
                    server.reports.append(report)
                self.send_response(204)
                self.end_headers()

        class ThreadingServer(socketserver.ThreadingTCPServer):
            allow_reuse_address = True
            daemon_threads = True  # a page's held /__next request must not block the exit
            block_on_close = False

        self.httpd = ThreadingServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def wait(self, kind: str, after: int = 0, timeout: float = 60) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for report in self.reports[after:]:
                if report["kind"] == kind:
                    return report
            time.sleep(0.01)
        raise TimeoutError(f"no {kind!r} report from Chromium")

    def start_tour(self, paths: list[str]) -> None:
        with self.ready:
            self.tour = list(paths)
            self.ready.notify_all()

    def count(self, kind: str, after: int) -> int:
        return sum(r["kind"] == kind for r in self.reports[after:])

    def close(self) -> None:
        with self.ready:
            self.tour = []
        self.httpd.shutdown()
        self.httpd.server_close()


def chromium_command(url: str, profile: Path) -> list[str]:
    # As root Chromium needs --no-sandbox; the background-networking flags keep it from
    # reaching for Google's servers (this machine's network is closed, and a kiosk's
    # should be). No --disable-gpu: with no GPU Chromium falls back to software itself.
    return [
        str(CHROMIUM),
        "--kiosk",
        "--no-sandbox",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--disable-features=Translate,MediaRouter",
        "--password-store=basic",
        f"--user-data-dir={profile}",
        "--window-size=1280,800",
        url,
    ]


def measure_chromium(
    display: str,
    server: Server,
    first: str,
    pages: list[str],
    idle_seconds: float,
    profile: Path,
) -> dict[str, Any]:
    url = f"http://127.0.0.1:{server.port}/{first}"
    env = {**os.environ, "DISPLAY": display}
    start_reports = len(server.reports)
    wall = time.time()
    proc = subprocess.Popen(
        chromium_command(url, profile),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    out: dict[str, Any] = {}
    try:
        fcp = server.wait("fcp", start_reports)
        out["first_paint_s"] = round((fcp["timeOrigin"] + fcp["fcp"]) / 1000 - wall, 3)
        server.wait("loaded", start_reports)
        time.sleep(2)  # let the first page settle (late subresources, idle tasks)
        pids = tree(proc.pid)
        out["processes"] = len(pids)
        out["pss_after_load_mib"] = round(pss_mib(pids), 1)
        cpu0 = cpu_seconds(tree(proc.pid))
        time.sleep(idle_seconds)
        cpu = cpu_seconds(tree(proc.pid)) - cpu0
        out["idle_cpu_s_per_min"] = round(cpu * 60 / idle_seconds, 4)
        # 20 pages: the page script follows the tour, one page after another.
        count = len(server.reports)
        server.start_tour([f"/{p}" for p in (pages[1:] * 3)[:19]])
        deadline = time.monotonic() + 120
        while server.count("loaded", count) < 19 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(2)
        out["pages_visited"] = 20
        out["pss_after_20_pages_mib"] = round(pss_mib(tree(proc.pid)), 1)
        out["processes_after_20_pages"] = len(tree(proc.pid))
    finally:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
    return out


def peer(work: Path, results: dict[str, Any], idle_seconds: float, runs: int) -> dict[str, Any]:
    """Build, run and measure the peer; the ratios use the kiosk's xcb numbers."""
    try:
        versions = ensure_tools()
    except (subprocess.CalledProcessError, OSError) as exc:
        return {"error": f"could not install MkDocs or Chromium: {exc}", "lines": []}
    site, pages = build_site(work)
    server = Server(site)
    rows = []
    # Runs share one profile, as a kiosk's browser keeps its own: the first run creates it
    # (reported apart, like the kiosk's start without its content cache).
    profile = Path(tempfile.mkdtemp(prefix="peer-chromium-"))
    try:
        with xvfb() as display:
            for _ in range(runs + 1):
                rows.append(
                    measure_chromium(display, server, pages[0], pages, idle_seconds, profile)
                )
    finally:
        server.close()
        shutil.rmtree(profile, ignore_errors=True)
    fresh, rows = rows[0], rows[1:]
    out: dict[str, Any] = {
        "versions": versions,
        "pages": len(pages),
        "runs": rows,
        "fresh_profile_run": fresh,
    }
    out["first_paint_s"] = statistics.median(r["first_paint_s"] for r in rows)
    out["pss_after_load_mib"] = statistics.median(r["pss_after_load_mib"] for r in rows)
    out["pss_after_20_pages_mib"] = statistics.median(r["pss_after_20_pages_mib"] for r in rows)
    out["idle_cpu_s_per_min"] = statistics.median(r["idle_cpu_s_per_min"] for r in rows)
    out["processes"] = rows[0]["processes"]
    kiosk = results["platforms"].get("xcb") or next(iter(results["platforms"].values()), {})
    ours = {
        "first paint / first frame (s)": kiosk.get("cold_start", {}).get("median_s"),
        "PSS after load (MiB)": kiosk.get("memory", {}).get("pss_start_mib"),
        "PSS after 20 pages / 500 navigations (MiB)": kiosk.get("memory", {}).get(
            "pss_after_nav_mib"
        ),
        "idle CPU-s per minute": kiosk.get("memory", {})
        .get("idle_attract", {})
        .get("cpu_s_per_min"),
    }
    theirs = {
        "first paint / first frame (s)": out["first_paint_s"],
        "PSS after load (MiB)": out["pss_after_load_mib"],
        "PSS after 20 pages / 500 navigations (MiB)": out["pss_after_20_pages_mib"],
        "idle CPU-s per minute": out["idle_cpu_s_per_min"],
    }
    lines = [
        f"\npeer: MkDocs site ({len(pages)} pages) in {versions['chromium']} --kiosk, "
        f"{out['processes']} processes, median of {len(rows)} runs",
        f"{'':44} {'kiosk':>10} {'chromium':>10} {'ratio':>8}",
    ]
    table = {}
    for name, theirs_value in theirs.items():
        mine = ours[name]
        ratio = round(mine / theirs_value, 2) if mine is not None and theirs_value else None
        table[name] = {"kiosk": mine, "chromium": theirs_value, "kiosk/chromium": ratio}
        lines.append(
            f"{name:44} {mine if mine is not None else '-':>10} {theirs_value:>10} "
            f"{ratio if ratio is not None else '-':>8}"
        )
    out["comparison"] = table
    out["lines"] = lines
    return out
