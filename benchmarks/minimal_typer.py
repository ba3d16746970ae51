"""The floor for a Typer CLI: one no-op command. The benchmark compares reportcli against it."""
import typer

app = typer.Typer()


@app.command()
def noop() -> None:
    """Do nothing."""


@app.command()
def other() -> None:
    """A second command, so Typer builds a group as reportcli's does."""


if __name__ == "__main__":
    app()
