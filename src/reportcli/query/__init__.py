"""Queries over an open index. Each returns plain result dataclasses; none prints."""
