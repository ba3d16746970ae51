"""Six State Council reports (2019–2024), condensed to their review and headline paragraphs with
the figures as published: a range target (6%－6.5%), a year without a growth target (2020), a
five-year plan section between review and plan (2021), five- and ten-year averages, 年末…降到,
全年控制在. `goals --check` and `trend gdp_growth` must read each year's outcome from the next
report."""
import json

import pytest

from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "national"

# (year, code) → (target as written, outcome as written, status); None: the next report names none
EXPECTED = {
    (2019, "gdp_growth"): ("6%－6.5%", "6.1%", "met"),
    (2019, "urban_jobs_new"): ("1100万人以上", "1352万人", "met"),
    (2019, "unemployment_surveyed"): ("5.5%左右", "5.3%以下", "met"),
    (2019, "unemployment_registered"): ("4.5%以内", None, "unknown"),
    (2019, "cpi"): ("3%左右", "2.9%", "met"),
    (2020, "urban_jobs_new"): ("900万人以上", "1186万人", "met"),
    (2020, "unemployment_surveyed"): ("6%左右", "5.2%", "met"),
    (2020, "unemployment_registered"): ("5.5%左右", None, "unknown"),
    (2020, "cpi"): ("3.5%左右", "2.5%", "met"),
    (2021, "gdp_growth"): ("6%以上", "8.1%", "met"),
    (2021, "urban_jobs_new"): ("1100万人以上", "1269万人", "met"),
    (2021, "unemployment_surveyed"): ("5.5%左右", "5.1%", "met"),
    (2021, "cpi"): ("3%左右", "0.9%", "met"),
    (2022, "gdp_growth"): ("5.5%左右", "3%", "missed"),
    (2022, "urban_jobs_new"): ("1100万人以上", "1206万人", "met"),
    (2022, "unemployment_surveyed"): ("5.5%以内", "5.5%", "met"),
    (2022, "cpi"): ("3%左右", "2%", "met"),
    (2023, "gdp_growth"): ("5%左右", "5.2%", "met"),
    (2023, "urban_jobs_new"): ("1200万人左右", "1244万人", "met"),
    (2023, "unemployment_surveyed"): ("5.5%左右", "5.2%", "met"),
    (2023, "cpi"): ("3%左右", "0.2%", "met"),
}


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    from reportcli.cli import main

    index = tmp_path_factory.mktemp("national") / "national.sqlite"
    assert main(["build", str(FIXTURES), "-o", str(index)]) == 0
    return index


def test_every_target_is_checked_against_the_next_report(cli, national):
    code, out, err = cli("--index", str(national), "goals", "--main", "--check", "--limit", "0", "--json")
    assert code == 0, err
    seen = {}
    for row in json.loads(out):
        year = int(row["report"])
        if year == 2024:
            assert row["status"] == "unknown"  # no 2025 report
            continue
        seen[(year, row["code"])] = (row["raw"], row["outcome"]["raw"] if row["outcome"] else None, row["status"])
    assert seen == EXPECTED  # 2020 sets no growth target, so it has none


def test_trend_of_growth_reads_each_year_from_the_next_review(cli, national):
    code, out, err = cli("--index", str(national), "trend", "gdp_growth", "--json")
    assert code == 0, err
    assert [(row["period"], row["raw"]) for row in json.loads(out)] == [
        (2018, "6.6%"), (2019, "6.1%"), (2020, "2.3%"), (2021, "8.1%"), (2022, "3%"), (2023, "5.2%")]
