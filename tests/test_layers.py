"""The apps depend downward only, as import-linter's contracts in pyproject.toml say."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = [
    "hub",
    "taxonomy",
    "directory",
    "home",
    "initiatives",
    "consultations",
    "timebank",
    "volunteering",
    "search",
    "impact",
]
OTHERS = ["tests", "benchmarks", "config"]

pytestmark = pytest.mark.skipif(
    not LINT_IMPORTS.exists(), reason="import-linter is not installed in this venv"
)


def lint_imports(root):
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml")],
        cwd=root,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )


def copy_of_the_project(tmp_path):
    base = Path(settings.BASE_DIR)
    for name in PACKAGES + OTHERS:
        shutil.copytree(
            base / name,
            tmp_path / name,
            ignore=shutil.ignore_patterns("__pycache__", "migrations"),
        )
    shutil.copy(base / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_contracts_hold():
    result = lint_imports(Path(settings.BASE_DIR))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "upward_import"),
    [
        ("directory/views.py", "from home.models import NewsPage"),
        ("taxonomy/models.py", "from directory.models import Organization"),
        ("home/models/news.py", "from initiatives.models import Initiative"),
        ("hub/mail.py", "from search import results"),
        ("initiatives/views.py", "from tests.conftest import password"),
        ("consultations/views.py", "from initiatives.models import Initiative"),
        ("directory/models.py", "from consultations.models import Case"),
        ("timebank/ledger.py", "from initiatives.models import Initiative"),
        ("home/models/pages.py", "from impact.figures import impact"),
        ("search/views.py", "from impact.figures import impact"),
        ("impact/figures.py", "from search import results"),
        # Volunteering sits above the time bank (it credits hours there), beside
        # home, initiatives and consultations.
        ("timebank/ledger.py", "from volunteering.models import SignUp"),
        ("home/models/news.py", "from volunteering.models import Opportunity"),
        ("volunteering/hours.py", "from initiatives.models import Initiative"),
    ],
)
def test_an_import_against_the_layers_breaks_a_contract(
    tmp_path, module, upward_import
):
    root = copy_of_the_project(tmp_path)
    with open(root / module, "a") as source:
        source.write(f"\n{upward_import}  # noqa\n")

    result = lint_imports(root)

    assert result.returncode != 0
    assert "BROKEN" in result.stdout
