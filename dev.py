#!/usr/bin/env python3
"""Kader's two set-up commands, needing nothing but Python 3.12+.

python3 dev.py run    # venv, install, migrate, import seeds/, serve on 127.0.0.1:8000
python3 dev.py test   # venv, install, lint, checks, the whole test suite
"""

import hashlib
import os
import secrets
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".kader-installed"


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(a) for a in args], cwd=ROOT, check=True, env=env)


def ensure_python() -> None:
    if sys.version_info >= (3, 12):
        return
    for name in ("python3.13", "python3.12"):
        found = shutil.which(name)
        if found:
            os.execv(found, [found, __file__, *sys.argv[1:]])
    sys.exit("Kader needs Python 3.12 or newer (3.13 preferred).")


def ensure_venv() -> None:
    """Create .venv and install the project whenever pyproject.toml changed."""
    if not PYTHON.exists():
        say(f"creating {VENV.name} with Python {sys.version.split()[0]}")
        venv.create(VENV, with_pip=True)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    say("installing Kader and its dependencies")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(wanted)


def manage(*args: str, env: dict[str, str] | None = None) -> None:
    run(PYTHON, "manage.py", *args, env=env)


def ensure_chromium() -> None:
    """Browser tests drive Debian's chromium; install it when we may (root with apt)."""
    if Path("/usr/bin/chromium").exists():
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing Debian's chromium for the browser tests")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
    else:
        say("chromium is missing: browser tests will be skipped (apt-get install chromium)")


def command_run() -> None:
    ensure_venv()
    manage("migrate", "--no-input", "-v", "0")
    manage("collectstatic", "--no-input", "-v", "0")
    manage("import_seeds", "seeds")
    password = os.environ.get("KADER_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
    manage("ensure_admin", "--username", "admin", "--password", password)
    manage("runserver", "127.0.0.1:8000")


def command_test() -> None:
    ensure_venv()
    ensure_chromium()
    env = {**os.environ, "KADER_ENV": "test"}
    run(VENV / "bin" / "ruff", "check", ".")
    run(VENV / "bin" / "ruff", "format", "--check", ".")
    manage("check", env=env)
    manage("makemigrations", "--check", "--dry-run", env=env)
    run(PYTHON, "-m", "pytest", *sys.argv[2:], env=env)


def main() -> None:
    ensure_python()
    commands = {"run": command_run, "test": command_test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    try:
        commands[sys.argv[1]]()
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
