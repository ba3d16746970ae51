"""Docs from code: the CLI reference and help texts stay complete and current."""
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))


def test_cli_reference_does_not_drift():
    from gen_docs import OUT, reference

    assert OUT.read_text(encoding="utf-8") == reference(), "run python tools/gen_docs.py"


def test_every_command_has_help_with_an_example_and_every_option_has_help():
    from typer.main import get_command

    from reportcli.cli import app

    group = get_command(app)
    for name, command in group.commands.items():
        assert command.help and "Example:" in command.help, name
        for param in command.params:
            assert getattr(param, "help", None), f"{name} {param.name}"
    for param in group.params:
        assert getattr(param, "help", None), param.name


def test_readme_links_the_reference_and_explains_completion():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/cli.md" in readme
    for shell in ("bash", "zsh", "fish"):
        assert shell in readme
    assert (ROOT / "CHANGELOG.md").is_file()
