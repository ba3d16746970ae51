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
    assert report.paragraphs[0].text == "全年地区生产总值完成100亿元。"  # the page's &nbsp; is not text


def test_html_navigation_and_footer_are_not_report_text():
    page = """<html><body><div>首页</div><div>政务公开</div><div>新闻中心</div>
    <div>您现在的位置：首页 &gt; 政务公开</div><h1>2023年某某市政府工作报告</h1>
    <p>——2023年1月14日在某某市第十届人民代表大会第三次会议上</p><p>各位代表：</p>
    <p>一、过去一年工作回顾</p><p>加大技术支持力度，全市生产总值达到290亿元。</p>
    <div>主办单位：某某市人民政府办公室 网站标识码：1234 京ICP备123号</div><div>联系我们</div></body></html>"""
    report = parse_report(page)
    assert report.metadata.title == "2023年某某市政府工作报告" and report.metadata.date == "2023-01-14"
    assert [p.text for p in report.paragraphs] == ["各位代表：", "加大技术支持力度，全市生产总值达到290亿元。"]


def test_a_sidebar_of_other_news_is_not_report_text():
    """Lists of links (menus, 热点新闻, 相关文章) carry headlines with figures of their own: none of
    them may become a paragraph, a figure or a target; a link inside a sentence stays."""
    page = ("<html><body><div class='nav'><a href='/'>首页</a> <a>政务公开</a></div><div class='content'>"
            "<p>二、2023年工作安排</p><p>今年主要预期目标是：地区生产总值增长6%左右，推进<a href='/x'>乡村振兴</a>。</p>"
            "</div><div class='side'><h3>热点新闻</h3><ul><li><a>我县GDP增长4.5% 位居全市第三</a></li>"
            "<li><a>全县新增就业3200人</a></li></ul></div></body></html>")
    report = parse_report(decode_bytes(page.encode("utf-8")))
    assert [p.text for p in report.paragraphs] == ["今年主要预期目标是：地区生产总值增长6%左右，推进乡村振兴。"]
    assert [g.raw for g in report.goals] == ["6%左右"]


def test_gb18030_html_page_with_an_attached_glossary(cli, tmp_path):
    page = ("<html><head><meta charset=\"gbk\"></head><body><h1>2023年某某县政府工作报告</h1>"
            "<p>——2023年1月5日在某某县第十八届人民代表大会第二次会议上</p><p>各位代表：</p>"
            "<p>一、2022年工作回顾</p><p>全县地区生产总值完成88.6亿元，增长4.1%。</p>"
            "<p>附件：名词解释</p><p>1.“三农”：指农业、农村、农民。</p></body></html>")
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "county.html").write_bytes(page.encode("gb18030"))
    (tmp_path / "r" / "notes.md").write_bytes("\ufeff# 政府工作报告\r\n\r\n一、回顾\r\n\r\n**全年完成投资12亿元。**\r\n".encode())
    index = tmp_path / "i.sqlite"
    code, _, err = cli("build", str(tmp_path / "r"), "-o", str(index))
    assert code == 0, err
    import json

    code, out, _ = cli("--index", str(index), "reports", "--json")
    reports = {r["id"]: r for r in json.loads(out)}
    assert (reports["county"]["region"], reports["county"]["date"], reports["county"]["terms"]) == ("某某县", "2023-01-05", 1)
    assert reports["notes"]["title"] == "政府工作报告"
    code, out, _ = cli("--index", str(index), "show", "notes:1", "--context", "0", "--json")
    assert json.loads(out)[0]["text"] == "全年完成投资12亿元。"
