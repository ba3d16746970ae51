"""Traditional-character headline lists keep every item their simplified twins keep (issue:
whole-country misses, class 3). The traditional texts are written by hand, as Hong Kong, Macao
and Taiwan pages print them (產 not 産, 為, 於, 裡), not produced by a character table."""
from __future__ import annotations

import pytest

from reportcli.parse import parse_report

# (simplified, traditional, code) — the price, energy-intensity and grain items in their many shapes
ITEMS = [
    ("居民消费价格总水平涨幅控制在3%左右", "居民消費價格總水平漲幅控制在3%左右", "cpi"),
    ("物价涨幅控制在3%左右", "物價漲幅控制在3%左右", "cpi"),
    ("居民消费价格指数涨幅3%左右", "居民消費價格指數漲幅3%左右", "cpi"),
    ("居民消费价格上涨3%左右", "居民消費價格上漲3%左右", "cpi"),
    ("物价总水平基本稳定", "物價總水平基本穩定", "cpi"),
    ("单位地区生产总值能源消耗降低3%", "單位地區生產總值能源消耗降低3%", "energy_intensity"),
    ("万元GDP能耗下降3%", "萬元GDP能耗下降3%", "energy_intensity"),
    ("能耗强度下降2.5%左右", "能耗強度下降2.5%左右", "energy_intensity"),
    ("单位生产总值能耗降低完成国家下达目标", "單位生產總值能耗降低完成國家下達目標", "energy_intensity"),
    ("粮食总产量稳定在300万吨以上", "糧食總產量穩定在300萬噸以上", "grain_output"),
    ("粮食产量保持在1.3万亿斤以上", "糧食產量保持在1.3萬億斤以上", "grain_output"),
    ("居民收入增长和经济增长同步", "居民收入增長和經濟增長同步", "disposable_income_growth"),
    ("城镇调查失业率控制在5.5%以内", "城鎮調查失業率控制在5.5%以內", "unemployment_surveyed"),
]
ANCHORS = {
    "national": "各位代表：\n二、2024年政府工作任务\n今年發展主要預期目標是：",
    "province": "各位代表：\n二、2024年工作安排\n今年全省經濟社會發展的主要預期目標為：",
    "city": "各位代表：\n三、2024年主要目標任務\n全市經濟社會發展的主要預期目標是：",
}


@pytest.mark.parametrize("style", sorted(ANCHORS))
@pytest.mark.parametrize("simplified, traditional, code", ITEMS, ids=[item[2] + str(n) for n, item in enumerate(ITEMS)])
def test_a_traditional_item_is_read_as_its_simplified_twin(style, simplified, traditional, code):
    def main_codes(item: str) -> list:
        return [goal.code for goal in parse_report(ANCHORS[style] + "地區生產總值增長5%左右；" + item + "。").goals
                if goal.main]

    assert main_codes(traditional) == main_codes(simplified) == ["gdp_growth", code]


def test_a_bare_measure_after_the_clause_that_named_its_crop_keeps_the_crop():
    for text, name in (("粮食播种面积稳定在1100万亩以上，产量稳定在120亿斤以上", "粮食产量"),
                       ("糧食播種面積穩定在1100萬畝以上，產量穩定在120億斤以上", "糧食產量")):
        goals = parse_report(ANCHORS["province"] + text + "。").goals
        assert [(goal.indicator, goal.code) for goal in goals if goal.raw.startswith("120")] == [(name, "grain_output")]


def test_a_whole_traditional_county_list():
    text = ("各位代表：\n二、2025年工作安排\n今年全縣經濟社會發展的主要預期目標是：\n"
            "地區生產總值增長6%左右；\n一般公共預算收入增長5%；\n居民消費價格漲幅控制在3%左右；\n"
            "糧食總產量穩定在50萬噸以上；\n萬元地區生產總值能耗下降完成市下達任務；\n"
            "城鄉居民人均可支配收入增長與經濟增長同步。\n（一）擴大有效需求。")
    goals = [goal for goal in parse_report(text).goals if goal.main]
    assert [goal.code for goal in goals] == ["gdp_growth", "budget_revenue_growth", "cpi", "grain_output",
                                             "energy_intensity", "disposable_income_growth"]
