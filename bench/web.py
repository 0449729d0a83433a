"""Pages against static files: requests per second and worker CPU per request.

    .venv/bin/python bench/web.py                  # warm: the page cache on (as deployed)
    .venv/bin/python bench/web.py --cold           # every page rendered (PAGE_CACHE_SECONDS=0)
    .venv/bin/python bench/web.py --database-url postgres://postgres@127.0.0.1:5432/kader_web
    .venv/bin/python bench/web.py --repo /tmp/kader-before   # another checkout of the code

With production settings (KADER_ENV=production, DEBUG off, whitenoise's manifest storage,
the database cache unless --redis-url) it migrates a fresh database (a temporary SQLite
file, or the empty one --database-url names), imports seeds/, and serves it with gunicorn
(2 sync workers). Each page is fetched once and its bytes saved into STATIC_ROOT, so
whitenoise serves the same bytes from the same stack; then `wrk -t2 -c16 -d5s` runs against
the page and against its static copy, and the gunicorn workers' CPU time (utime + stime
from /proc/<pid>/stat) before and after is divided by the requests wrk made. The 304 rows
send the If-None-Match of the page (and of the static file). Needs Debian's `wrk`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
TICKS = os.sysconf("SC_CLK_TCK")

# wrk's summary lines: "Requests/sec:   1234.56" and "  5678 requests in 5.00s, 12.3MB read".
REQUESTS_PER_SECOND = re.compile(r"Requests/sec:\s+(?P<rate>[\d.]+)")
REQUEST_COUNT = re.compile(r"(?P<count>\d+) requests in")
# "  Non-2xx or 3xx responses: 12"
BAD_RESPONSES = re.compile(r"Non-2xx or 3xx responses: (?P<count>\d+)")


@dataclass
class Target:
    name: str
    path: str
    conditional: bool = False
    fresh_urls: bool = False  # each request another query string: the page cache misses


# wrk: each request to the path with a query string no request used before ("?r=2-17"),
# so every answer is rendered (a link with tracking parameters, to the page cache).
FRESH_URLS_LUA = """
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  count = 0
end
function request()
  count = count + 1
  return wrk.format(nil, wrk.path .. "?r=" .. id .. "-" .. count)
end
"""


@dataclass
class Run:
    rate: float
    requests: int
    cpu_ms: float
    bad: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def settings_env(args: argparse.Namespace, folder: Path, port: int) -> dict[str, str]:
    """Production settings with harmless values (as dev.py's deploy_settings), served over
    plain http on localhost, with the throttle out of the way of wrk."""
    env = {
        **os.environ,
        "KADER_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "DATABASE_URL": args.database_url or f"sqlite:///{folder / 'bench.sqlite3'}",
        "REDIS_URL": args.redis_url,
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "API_ANON_RATE": "1000000000/second",
        "LOG_LEVEL": "WARNING",
    }
    if args.cold:
        env["PAGE_CACHE_SECONDS"] = "0"
    return env


def manage(repo: Path, env: dict[str, str], *command: str, check: bool = True) -> None:
    python = str(VENV_BIN / "python")
    subprocess.run([python, "manage.py", *command], cwd=repo, env=env, check=check)


def start_gunicorn(
    repo: Path, env: dict[str, str], port: int, workers: int
) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "config.wsgi", "--workers", str(workers),
         "--worker-class", "sync", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=repo, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2).read()
            if len(worker_pids(server.pid)) == workers:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)


def worker_pids(master: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == master:
                pids.append(int(entry.name))
    return pids


def cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


def wrk(
    url: str,
    pids: list[int],
    args: argparse.Namespace,
    headers: dict[str, str],
    script: Path | None = None,
) -> Run:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
    if script is not None:
        command += ["-s", str(script)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    before = cpu_ticks(pids)
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    used = cpu_ticks(pids) - before
    rate = REQUESTS_PER_SECOND.search(output)
    count = REQUEST_COUNT.search(output)
    bad = BAD_RESPONSES.search(output)
    if rate is None or count is None:
        raise SystemExit(f"wrk said:\n{output}")
    requests = int(count["count"])
    return Run(
        rate=float(rate["rate"]),
        requests=requests,
        cpu_ms=used / TICKS * 1000 / max(requests, 1),
        bad=int(bad["count"]) if bad else 0,
    )


def targets(base: str, player: str) -> list[Target]:
    _, _, body = fetch(f"{base}/api/v1/players/{player}/")
    detail = json.loads(body)
    club = (detail.get("current_club") or {}).get("slug", "")
    _, _, body = fetch(f"{base}/api/v1/interviews/")
    interview = json.loads(body)["results"][0]["slug"]
    return [
        Target("profile en", f"/players/{player}/"),
        Target("profile de", f"/de/players/{player}/"),
        Target("profile new URL", f"/players/{player}/", fresh_urls=True),
        Target("club", f"/clubs/{club}/"),
        Target("interview", f"/interviews/{interview}/"),
        Target("players list", "/players/"),
        Target("search", f"/search/?q={player.split('-')[0]}"),
        Target("api player", f"/api/v1/players/{player}/"),
        Target("api list", "/api/v1/players/"),
        Target("304 profile", f"/players/{player}/", conditional=True),
        Target("304 api player", f"/api/v1/players/{player}/", conditional=True),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", action="store_true", help="page cache off: every page rendered")
    parser.add_argument("--database-url", default="", help="an empty database to migrate into")
    parser.add_argument("--redis-url", default="", help="the shared cache (default: database)")
    parser.add_argument("--repo", type=Path, default=ROOT, help="the checkout to serve")
    parser.add_argument("--player", default="mio-backhaus", help="slug of the profile to fetch")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument(
        "--only", default="", help='comma-separated page names, e.g. "profile en,304 api player"'
    )
    parser.add_argument(
        "--documents", type=Path, action="append", default=[],
        help="more documents to import beside seeds/ (e.g. tests/corpus), for --player",
    )  # fmt: skip
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    repo = args.repo.resolve()
    folder = Path(tempfile.mkdtemp(prefix="kader-web-bench-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = settings_env(args, folder, port)
    try:
        manage(repo, env, "migrate", "--no-input", "-v", "0")
        # Older checkouts' migrate did not create the database cache's table (core.models).
        manage(repo, env, "createcachetable")
        manage(repo, env, "import_seeds", str(ROOT / "seeds"), "-v", "0")
        for documents in args.documents:
            # A folder of real documents may hold some the importer refuses (articles):
            # the others are imported all the same.
            manage(repo, env, "import_seeds", str(documents.resolve()), "-v", "0", check=False)
        manage(repo, env, "collectstatic", "--no-input", "-v", "0")
        # First run: fetch each page once and keep its bytes as a static file; whitenoise
        # reads STATIC_ROOT when it starts, so the server is started again after.
        server = start_gunicorn(repo, env, port, args.workers)
        try:
            pages = targets(base, args.player)
            if args.only:
                wanted = {name.strip() for name in args.only.split(",")}
                pages = [target for target in pages if target.name in wanted]
            copies = folder / "static" / "bench"
            copies.mkdir(parents=True, exist_ok=True)
            for number, target in enumerate(pages):
                status, _headers, body = fetch(base + target.path)
                if status != 200:
                    raise SystemExit(f"{target.path} answered {status}")
                suffix = ".json" if target.path.startswith("/api/") else ".html"
                (copies / f"{number}{suffix}").write_bytes(body)
        finally:
            stop(server)
        server = start_gunicorn(repo, env, port, args.workers)
        try:
            pids = worker_pids(server.pid)
            # Both workers load their templates, translations and prepared queries before
            # anything is counted (a worker's first requests cost tens of ms more).
            for target in pages:
                for _ in range(4 * args.workers):
                    fetch(base + target.path)
            mode = "cold (page cache off)" if args.cold else "warm"
            database = "PostgreSQL" if args.database_url.startswith("postgres") else "SQLite"
            print(f"{repo} · {database} · {mode} · gunicorn {args.workers} sync workers · "
                  f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s")  # fmt: skip
            header = (
                f"{'page':<16} {'page req/s':>11} {'static req/s':>13} {'static/page':>12} "
                f"{'page CPU ms/req':>16} {'static CPU ms/req':>18}"
            )
            print(header)
            print("-" * len(header))
            for number, target in enumerate(pages):
                suffix = ".json" if target.path.startswith("/api/") else ".html"
                static_url = f"{base}/static/bench/{number}{suffix}"
                page_headers: dict[str, str] = {}
                static_headers: dict[str, str] = {}
                if target.conditional:
                    page_headers = {"If-None-Match": fetch(base + target.path)[1].get("ETag", "")}
                    static_headers = {"If-None-Match": fetch(static_url)[1].get("ETag", "")}
                    status = fetch(base + target.path, page_headers)[0]
                    if status != 304:
                        print(f"  ({target.name}: the page answers {status}, not 304)")
                script = None
                if target.fresh_urls:
                    script = folder / "fresh-urls.lua"
                    script.write_text(FRESH_URLS_LUA)
                page = wrk(base + target.path, pids, args, page_headers, script)
                static = wrk(static_url, pids, args, static_headers, script)
                ratio = static.rate / page.rate if page.rate else float("inf")
                print(
                    f"{target.name:<16} {page.rate:>11.0f} {static.rate:>13.0f} {ratio:>11.1f}× "
                    f"{page.cpu_ms:>16.2f} {static.cpu_ms:>18.2f}"
                )
                if page.bad or static.bad:
                    print(f"  ({page.bad} page and {static.bad} static answers not 2xx/3xx)")
        finally:
            stop(server)
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
