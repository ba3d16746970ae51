import pytest

from reportcli.errors import InputError
from reportcli.parse import decode_bytes, html_to_text, looks_like_html, parse_report

TEXT = "各位代表:\n现在,我代表市人民政府向大会报告工作。"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    TEXT.encode("gb18030"),
    TEXT.encode("utf-16"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
])
def test_every_encoding_gives_the_same_paragraphs(data):
    report = parse_report(decode_bytes(data))
    assert [p.text for p in report.paragraphs] == ["各位代表:", "现在,我代表市人民政府向大会报告工作。"]


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"  \n\n ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(128, 256)) * 4, "not UTF-8 or GB18030"),
])
def test_bad_input_is_a_clear_error(data, message):
    with pytest.raises(InputError, match=message):
        decode_bytes(data)


def test_html_page_becomes_lines_without_scripts():
    page = """<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style></head>
    <body><div class="nav">您现在所在的位置: 首页 &gt; 政务公开</div>
    <script>var a = "一、不是标题";</script>
    <p>2022年某某县政府工作报告</p><p>一、过去一年工作回顾</p>
    <p>全年地区生产总值完成&nbsp;100亿元。<br>第二行</p></body></html>"""
    assert looks_like_html(page)
    text = html_to_text(page)
    assert "var a" not in text and "color" not in text
    assert text.splitlines() == ["您现在所在的位置: 首页 > 政务公开", "2022年某某县政府工作报告",
                                 "一、过去一年工作回顾", "全年地区生产总值完成 100亿元。", "第二行"]
    report = parse_report(page)
    assert report.metadata.title == "2022年某某县政府工作报告"
    assert [s.label for s in report.sections] == ["一、过去一年工作回顾"]
    assert report.paragraphs[0].text == "全年地区生产总值完成 100亿元。"


def test_html_navigation_and_footer_are_not_report_text():
    page = """<html><body><div>首页</div><div>政务公开</div><div>新闻中心</div>
    <div>您现在的位置：首页 &gt; 政务公开</div><h1>2023年某某市政府工作报告</h1>
    <p>——2023年1月14日在某某市第十届人民代表大会第三次会议上</p><p>各位代表：</p>
    <p>一、过去一年工作回顾</p><p>加大技术支持力度，全市生产总值达到290亿元。</p>
    <div>主办单位：某某市人民政府办公室 网站标识码：1234 京ICP备123号</div><div>联系我们</div></body></html>"""
    report = parse_report(page)
    assert report.metadata.title == "2023年某某市政府工作报告" and report.metadata.date == "2023-01-14"
    assert [p.text for p in report.paragraphs] == ["各位代表：", "加大技术支持力度，全市生产总值达到290亿元。"]
