"""Save PNGs of the main screens offscreen, for docs and for looking at the UI."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def save_screenshots(outdir: Path, content_dir: Path, size: tuple[int, int],
                     data_dir: Path | None = None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from trainer.app import build, ensure_app

    app = ensure_app()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    tmp = None
    if data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="trainer-shots-")
        data_dir = Path(tmp.name)
    parts = build(content_dir, data_dir)
    window = parts.window
    window.resize(*size)
    window.start()
    window.show()
    app.processEvents()
    w, h = size
    saved: list[Path] = []

    def grab(name: str) -> None:
        app.processEvents()
        path = outdir / f"{name}-{w}x{h}.png"
        window.grab().save(str(path))
        saved.append(path)

    readable = parts.controller.course.readable()
    grab("main")
    if len(readable) > 1:
        parts.controller.open_module(readable[1].id)
        grab("module-2")
    broken = [m for m in parts.controller.course.modules if not m.ok]
    if broken:
        parts.controller.open_module(broken[0].id)
        grab("module-error")
    _scenario_shots(window, grab)
    window.close()
    parts.store.close()
    if tmp is not None:
        tmp.cleanup()
    return saved


def _scenario_shots(window, grab) -> None:
    """The scenario viewer: list, side by side, a skill filter, single column, a revealed moment,
    a scored spot-the-skill round."""
    from trainer.scenarios.align import skill_counts

    view = window.sections.get("scenarios")
    if view is None or not view.controller.scenarios:
        return
    window.show_section("scenarios")
    grab("scenarios-list")
    scenario = view.controller.scenarios[0]
    view.open_scenario(scenario.id)
    page = view.page
    second = scenario.moments[min(2, len(scenario.moments) - 1)].id
    page.jump_to_moment(second)
    grab("scenario-side-by-side")
    counts = sorted(((n, skill) for skill, n in skill_counts(scenario).items()), reverse=True)
    if counts:
        page.set_skill_filter(counts[0][1])
        grab("scenario-skill-filter")
        page.set_skill_filter(None)
    page.layout_combo.setCurrentIndex(page.layout_combo.findData("single"))
    page.jump_to_moment(second)
    grab("scenario-single-column")
    page.layout_combo.setCurrentIndex(page.layout_combo.findData("auto"))
    first = scenario.moments[min(1, len(scenario.moments) - 1)]
    page.practise_box.setChecked(True)
    page.jump_to_moment(first.id)
    grab("scenario-hidden")
    page.practice.predict.editor.setPlainText("Before we start, what would you most like us to talk about today?")
    page.practice.predict.save_and_reveal()
    grab("scenario-revealed")
    page.practise_box.setChecked(False)
    page.practice.setCurrentWidget(page.practice.spot)
    spot = page.practice.spot
    for n, (_i, turn) in enumerate(spot.targets):
        spot.select_turn(n)
        for tag in turn.tags[:1]:
            spot.set_skill_checked(tag, True)
        if n == 0:
            spot.set_skill_checked("signposting", True)
    spot.check()
    grab("scenario-spot-scored")
    page.practice.setCurrentWidget(page.practice.predict)
