"""Pure text → Report parsing: no files, no globals, no printing."""
from reportcli.parse.decode import Decoded, decode_bytes, html_to_text, looks_like_html, read_document
from reportcli.parse.report import parse_report

__all__ = ["Decoded", "decode_bytes", "html_to_text", "looks_like_html", "parse_report", "read_document"]
