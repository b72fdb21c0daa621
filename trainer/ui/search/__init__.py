"""Search everything (Ctrl+K): modules, scenarios and reflections."""
