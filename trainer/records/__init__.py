"""Storage of a person's records (progress, reflections, ratings). Qt-free."""
