"""What ships: the public API, the version, the typing marker, a cheap import, the built files.

The built-distribution checks read the wheel and sdist that ``.ci/run`` builds into
``$NEWSPARSE_DIST``; they are skipped without it, except in CI.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.resources
import os
import pathlib
import subprocess
import sys
import tarfile
import zipfile

import pytest

import newsparse

ROOT = pathlib.Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
DIST = os.environ.get("NEWSPARSE_DIST")


def test_all_resolves_without_duplicates() -> None:
    assert len(set(newsparse.__all__)) == len(newsparse.__all__)
    missing = [name for name in newsparse.__all__ if not hasattr(newsparse, name)]
    assert missing == []


@pytest.mark.parametrize(
    "module", ["newsparse.batch", "newsparse.records", "newsparse.html", "newsparse.spark"]
)
def test_module_all_resolves(module: str) -> None:
    mod = importlib.import_module(module)
    assert [name for name in mod.__all__ if not hasattr(mod, name)] == []


def test_version_comes_from_the_metadata() -> None:
    assert newsparse.__version__ == importlib.metadata.version("newsparse")
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415 - Python 3.11+

        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        assert newsparse.__version__ == project["project"]["version"]


def test_cli_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == f"newsparse {newsparse.__version__}\n"


def test_console_script_is_declared() -> None:
    [script] = importlib.metadata.entry_points(group="console_scripts", name="newsparse")
    assert script.value == "newsparse.cli:main"


def test_py_typed_and_lexicons_ship() -> None:
    package = importlib.resources.files("newsparse")
    assert package.joinpath("py.typed").is_file()
    assert package.joinpath("lexicons", "cue_verbs.txt").is_file()


@pytest.mark.parametrize(
    ("module", "absent"),
    [
        pytest.param("newsparse", ["dateparser"], id="newsparse"),
        pytest.param("newsparse.batch", ["dateparser"], id="batch"),
        pytest.param("newsparse.records", ["dateparser", "pandas"], id="records"),
        pytest.param("newsparse.html", ["dateparser"], id="html"),
        pytest.param("newsparse.spark", ["dateparser", "pyspark", "pandas"], id="spark"),
        pytest.param("newsparse.cli", ["dateparser", "tqdm"], id="cli"),
    ],
)
def test_import_is_cheap(module: str, absent: list[str]) -> None:
    code = f"import sys, {module}; print(sorted(m for m in {absent!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"


def _dist(pattern: str) -> pathlib.Path:
    if DIST is None:
        if IN_CI:
            pytest.fail("CI=true but NEWSPARSE_DIST is not set: .ci/run builds the wheel first")
        pytest.skip("no built distributions: set NEWSPARSE_DIST (.ci/run does)")
    [path] = pathlib.Path(DIST).glob(pattern)
    return path


def test_wheel_contents() -> None:
    with zipfile.ZipFile(_dist("newsparse-*.whl")) as wheel:
        names = set(wheel.namelist())
    version = newsparse.__version__
    assert "newsparse/py.typed" in names
    assert "newsparse/lexicons/cue_verbs.txt" in names
    assert f"newsparse-{version}.dist-info/entry_points.txt" in names
    assert not [n for n in names if n.startswith(("tests/", "docs/", "benchmarks/"))]
    lexicons = {p.name for p in (ROOT / "newsparse" / "lexicons").iterdir() if p.is_file()}
    assert {f"newsparse/lexicons/{name}" for name in lexicons} <= names


def test_sdist_contents() -> None:
    with tarfile.open(_dist("newsparse-*.tar.gz")) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for needed in ("pyproject.toml", "README.md", "CHANGELOG.md", "newsparse/py.typed"):
        assert needed in names
    assert "seeds/000_aadee0b4fd7fab13.txt" in names
