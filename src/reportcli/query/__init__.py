"""Queries over an open index. Each returns plain result records (reportcli.record); none prints."""
