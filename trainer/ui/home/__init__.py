"""The Home section: where to carry on, progress and what is due."""
