"""Use cases: what a person can do, independent of the widgets."""
