"""Exports: take your evidence anywhere (portfolio, spreadsheets, backup, xAPI). No Qt."""
