"""Pure text → Report parsing: no files, no globals, no printing."""
from reportcli.parse.decode import decode_bytes, html_to_text, looks_like_html
from reportcli.parse.report import parse_report

__all__ = ["decode_bytes", "html_to_text", "looks_like_html", "parse_report"]
