"""The reflective journal: templates (content) and the privacy guard (pure Python)."""
