"""Import a settings module in a fresh Python process with a chosen environment.

Settings read the environment once, at import; a new process is the only
honest way to see what a module does with a given environment (including
refusing to start).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

#: Everything production requires, valid.
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-secret-key-for-tests-only-0123456789abcdef",
    "ALLOWED_HOSTS": "hub.example.org",
    "DATABASE_URL": "postgres://hub@db.example.org:5432/hub",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "BASE_URL": "https://hub.example.org",
}
#: Variables of this machine that would decide the answer if inherited.
CLEARED = [
    *PRODUCTION_ENV,
    "PORT",
    "ELASTICSEARCH_URL",
    "DB_CONNECT_TIMEOUT",
    "DB_STATEMENT_TIMEOUT",
    "DJANGO_SETTINGS_MODULE",
]


def run_python(code, env):
    full_env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def load_settings(module, env, names):
    """{name: value} of the settings `names` of `module` under `env`."""
    code = (
        "import importlib, json\n"
        f"m = importlib.import_module({module!r})\n"
        f"print(json.dumps({{n: getattr(m, n, None) for n in {names!r}}}, "
        "default=str))\n"
    )
    result = run_python(code, env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def refusal(module, env):
    """The error with which `module` refuses to load under `env`."""
    result = run_python(f"import {module}", env)
    assert result.returncode != 0, f"{module} started with {sorted(env)}"
    return result.stderr.strip().splitlines()[-1]
