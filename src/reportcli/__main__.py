"""python -m reportcli"""
from reportcli.cli import run

run()
