"""The Scenarios section: paired consultations and the practice panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trainer.ui.shell.parts import AppParts


def install(parts: AppParts) -> None:
    """The Scenarios section, built when first shown."""
    window = parts.window

    def make_view():
        from trainer.ui.scenarios.view import build_scenario_section

        view = build_scenario_section(parts.content, parts.store, parts.profile_id, parts.settings, window)
        view.status_message.connect(lambda text: window.statusBar().showMessage(text, 5000))
        return view

    window.add_section("scenarios", "&Scenarios", make_view)
