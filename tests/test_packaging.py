"""What a user installs holds everything the package reads at run time. An editable checkout
reads data/ from the source tree and hides a file left out of the wheel; this builds the real
wheel and sdist and looks inside (CI also installs the wheel and builds reports with it)."""
from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from reportcli import resources

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "reportcli" / "data"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The wheel and the sdist, built offline with the setuptools the test extra installs
    (CI passes the wheel it installs through $REPORTCLI_WHEEL, so both look at the same file)."""
    out = tmp_path_factory.mktemp("dist")
    files = {}
    for kind in ("sdist", "wheel"):  # one process each: setuptools keeps state between the two
        code = f"import sys, setuptools.build_meta as b; print('BUILT', b.build_{kind}(sys.argv[1]))"
        result = subprocess.run([sys.executable, "-c", code, str(out)], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-2000:]
        files[kind] = out / result.stdout.rsplit("BUILT", 1)[1].strip()
    given = os.environ.get("REPORTCLI_WHEEL")
    if given:
        files["wheel"] = Path(given)
    return files


def _data_files() -> list[str]:
    return sorted(path.name for path in DATA.iterdir() if path.is_file() and not path.name.startswith("."))


def test_every_data_file_the_code_opens_lives_under_data():
    assert {path.parent for path in resources.SHIPPED} == {resources.DATA}
    assert {path.name for path in resources.SHIPPED} <= set(_data_files())


def test_the_wheel_holds_every_data_file(built):
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    missing = [name for name in _data_files() if f"reportcli/data/{name}" not in names]
    assert missing == [], f"left out of the wheel: {missing} (pyproject.toml [tool.setuptools.package-data])"


def test_the_sdist_holds_every_data_file_and_the_seeds(built):
    with tarfile.open(built["sdist"]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    missing = [name for name in _data_files() if f"src/reportcli/data/{name}" not in names]
    assert missing == []
    assert "seeds/hailar-2021.txt" in names and "seeds/reports.toml" in names  # `reportcli build` from an sdist


def test_a_missing_data_file_is_a_broken_install_in_one_sentence(tmp_path):
    from reportcli.errors import InstallError

    with pytest.raises(InstallError) as caught:
        resources.read_data_toml(tmp_path / "indicators.toml")
    message = str(caught.value)
    assert "indicators.toml" in message and "reinstall" in message and "Error" not in message
    (tmp_path / "lexicon.toml").write_text("entry = [", encoding="utf-8")
    with pytest.raises(InstallError, match="damaged"):
        resources.read_data_toml(tmp_path / "lexicon.toml")


def test_a_build_on_a_broken_install_stops_with_that_sentence(tmp_path):
    """Every file would fail alike: one message, exit 2, nothing written — not one warning per file."""
    script = ("import sys\n"
              "from pathlib import Path\n"
              "import reportcli.resources as r\n"
              "r.INDICATORS = Path(sys.argv[1]) / 'indicators.toml'\n"
              "from reportcli.cli import main\n"
              "sys.exit(main(['build', sys.argv[2], '-o', sys.argv[3]]))\n")
    out = tmp_path / "out.sqlite"
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path), str(ROOT / "seeds" / "hailar-2021.txt"),
                             str(out)], capture_output=True, text=True)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "indicators.toml" in lines[0] and "reinstall" in lines[0], result.stderr
    assert "Error" not in lines[0] and not out.exists()
