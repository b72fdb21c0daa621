"""Training modules: find, parse, validate and render Markdown modules."""
