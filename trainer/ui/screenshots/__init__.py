"""``trainer screenshots``: PNGs of every screen, for docs and for looking at the UI."""
