"""Practitioner Trainer: a course in self-management support."""

__version__ = "0.1.0"

import os as _os

# pydantic looks up plugins through package metadata at import, which costs
# start-up time; the app uses none.
_os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
