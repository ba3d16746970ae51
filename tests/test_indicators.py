"""The curated indicator table (data/indicators.toml): well-formed, unambiguous, and matching
the ways reports word the same indicator."""
import re
from itertools import combinations

import pytest

from reportcli.parse.indicators import UNIT_GROUPS, classify, key_of, table

KINDS = {"level", "change", "share", "rank", "ratio", "other"}


def test_every_entry_parses_and_codes_are_unique():
    entries = table()
    assert len(entries) >= 40
    codes = [entry.code for entry in entries]
    assert len(codes) == len(set(codes))
    for entry in entries:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", entry.code), entry.code
        assert entry.name_en and entry.names and entry.better in ("higher", "lower"), entry.code
        assert set(entry.kinds) <= KINDS and set(entry.units) <= set(UNIT_GROUPS), entry.code


def test_no_two_entries_claim_the_same_name_for_the_same_kind_and_unit():
    for a, b in combinations(table(), 2):
        shared = set(a.names) & set(b.names)
        if shared and set(a.kinds) & set(b.kinds) and set(a.units) & set(b.units):
            pytest.fail(f"{a.code} and {b.code} both claim {sorted(shared)}")


@pytest.mark.parametrize("indicator, kind, unit, code", [
    ("国内生产总值增长", "change", "%", "gdp_growth"),
    ("地区生产总值增长", "change", "%", "gdp_growth"),
    ("全省生产总值增长", "change", "%", "gdp_growth"),
    ("全市地区生产总值(GDP)增长", "change", "%", "gdp_growth"),
    ("经济增长", "change", "%", "gdp_growth"),
    ("GDP增速", "change", "%", "gdp_growth"),
    ("海拉尔区地区生产总值", "level", "元", "gdp"),
    ("地區生產總值", "level", "元", "gdp"),
    ("人均地区生产总值", "level", "元", "gdp_per_capita"),
    ("居民消费价格涨幅", "change", "%", "cpi"),
    ("居民消费价格上涨", "change", "%", "cpi"),
    ("城镇新增就业", "level", "人", "urban_jobs_new"),
    ("新增城镇就业", "level", "人", "urban_jobs_new"),
    ("城镇调查失业率", "share", "%", "unemployment_surveyed"),
    ("城镇登记失业率", "share", "%", "unemployment_registered"),
    ("一般公共预算收入", "level", "元", "budget_revenue"),
    ("一般公共预算收入增长", "change", "%", "budget_revenue_growth"),
    ("规模以上工业增加值增长", "change", "%", "industrial_value_added_growth"),
    ("规上工业增加值增长", "change", "%", "industrial_value_added_growth"),
    ("全社会固定资产投资增长", "change", "%", "fixed_asset_investment_growth"),
    ("社会消费品零售总额", "level", "元", "retail_sales"),
    ("城镇常住居民人均可支配收入增长", "change", "%", "urban_income_growth"),
    ("农村居民人均可支配收入", "level", "元", "rural_income"),
    ("单位地区生产总值能耗降低", "change", "%", "energy_intensity"),
    ("万元GDP能耗下降", "change", "%", "energy_intensity"),
    ("粮食总产量", "level", "斤", "grain_output"),
    ("进出口总额", "level", "美元", "trade_total"),
    ("研究与试验发展经费投入强度", "share", "%", "rd_intensity"),
    ("R&D经费投入强度", "share", "%", "rd_intensity"),
    ("常住人口城镇化率", "share", "%", "urbanization_rate"),
    # names of before the 2014 budget law and the 2013 survey reform
    ("地方财政一般预算收入增长", "change", "%", "budget_revenue_growth"),
    ("财政一般预算收入", "level", "元", "budget_revenue"),
    ("农民人均纯收入", "level", "元", "rural_net_income"),
    ("农村居民人均纯收入增长", "change", "%", "rural_net_income_growth"),
])
def test_wordings_of_the_same_indicator_share_a_code(indicator, kind, unit, code):
    entry = classify(indicator, kind, unit)
    assert entry is not None and entry.code == code, (indicator, entry)


@pytest.mark.parametrize("indicator, kind, unit", [
    ("数字经济增加值增长", "change", "%"),  # not GDP
    ("地区生产总值增长", "change", "个百分点"),  # a change of the growth rate
    ("单位地区生产总值能耗", "change", "元"),
    ("投资", "level", "元"),
    ("项目", "level", "个"),
    ("城镇新增就业", "change", "%"),
])
def test_what_is_not_in_the_table_gets_no_code(indicator, kind, unit):
    assert classify(indicator, kind, unit) is None


def test_keys_drop_scope_time_and_the_change_verb():
    # 国内, 地区 and GDP name one output: the key is its one name (占GDP比重 = 占地区生产总值的比重)
    assert key_of("●全省2023年地区生产总值(GDP)同比增长") == key_of("GDP") == "生产总值"
    assert key_of("服务业增加值占国内生产总值的比重") == key_of("服务业增加值占GDP比重")
    assert key_of("居民消费价格涨幅") == "居民消费价格"


REGIONS_BODY = ("各位代表：\n一、2022年工作回顾\n浙江省地区生产总值增长6%。东部地区生产总值增长5.4%。杭州市地区生产总值突破1.8万亿元。"
                "高新区规模以上工业增加值增长12%。全省一般公共预算收入增长5%。我们坚持年初确定的地区生产总值增长6.5%左右的预期目标不动摇。\n")


@pytest.mark.parametrize("title, coded", [
    ("2023年浙江省政府工作报告", ["gdp_growth", None, None, None, "budget_revenue_growth", "gdp_growth"]),
    ("2023年杭州市政府工作报告", [None, None, "gdp", None, "budget_revenue_growth", "gdp_growth"]),
    ("2023年国务院政府工作报告", [None, None, None, None, "budget_revenue_growth", "gdp_growth"]),
    ("政府工作报告", ["gdp_growth", "gdp_growth", "gdp", "industrial_value_added_growth", "budget_revenue_growth",
                "gdp_growth"]),  # whose report it is is unknown: every region's figure keeps its code
])
def test_a_figure_of_another_region_measures_no_indicator_of_the_report(title, coded):
    from reportcli.parse import parse_report

    assert [figure.code for figure in parse_report(title + "\n" + REGIONS_BODY).figures] == coded


@pytest.mark.parametrize("indicator, code", [("杭州市地区生产总值", "gdp"), ("郑州市一般公共预算收入", "budget_revenue"),
                                             ("呼伦贝尔市海拉尔区地区生产总值", "gdp")])
def test_a_city_in_zhou_before_its_indicator(indicator, code):
    assert classify(indicator, "level", "元").code == code
