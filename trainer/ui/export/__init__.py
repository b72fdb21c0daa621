"""Export and import: portfolio and backups, PDF, and sending to a learning record store."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.shell.parts import AppParts


def install(parts: AppParts) -> None:
    """File > Export... (Ctrl+E), File > Import from a backup file... and File > Send to
    learning record store...; their dialogs and code load when first used."""
    from trainer.ui.export.lrs_send import install_lrs
    from trainer.ui.export.menu import install_export

    install_export(parts.window, parts.store, parts.content, parts.profile_id, parts.settings)
    install_lrs(parts.window, parts, parts.content)
