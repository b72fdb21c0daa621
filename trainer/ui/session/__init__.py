"""The Team session section: roster, groups, run panel, presenter and observer forms."""
