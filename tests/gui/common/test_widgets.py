"""The design language's widgets: variants, theme-following colours, empty states, rows."""

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QListWidget, QListWidgetItem, QStyleOptionViewItem

from trainer.domain import tokens
from trainer.domain.contrast import contrast_ratio
from trainer.ui.common.appearance import apply_theme
from trainer.ui.common.check_box import CheckBox
from trainer.ui.common.empty_state import Chip, EmptyState
from trainer.ui.common.rows import RowDelegate, use_rows
from trainer.ui.common.widgets import Card, make_button, meter, muted_label


@pytest.fixture
def themed(qapp):
    apply_theme(qapp, "light")
    yield qapp
    apply_theme(qapp, "light")


def colour_of(widget, role):
    return widget.palette().color(role).name()


def test_button_variants_take_their_token_colours_and_follow_the_theme(themed, qtbot):
    primary, danger, quiet = make_button("Go", "primary"), make_button("Delete", "danger"), make_button("More", "quiet")
    for b in (primary, danger, quiet):
        qtbot.addWidget(b)
    assert colour_of(primary, QPalette.ColorRole.Button) == tokens.LIGHT["primary"]
    assert colour_of(primary, QPalette.ColorRole.ButtonText) == tokens.LIGHT["on_primary"]
    assert colour_of(danger, QPalette.ColorRole.Button) == tokens.LIGHT["danger_button"]
    assert quiet.isFlat() and colour_of(quiet, QPalette.ColorRole.ButtonText) == tokens.LIGHT["link"]
    apply_theme(themed, "dark")
    assert colour_of(primary, QPalette.ColorRole.Button) == tokens.DARK["primary"]
    assert colour_of(quiet, QPalette.ColorRole.ButtonText) == tokens.DARK["link"]


def test_unknown_variant_is_refused(themed):
    with pytest.raises(ValueError, match="primary"):
        make_button("Go", "loud")
    with pytest.raises(ValueError, match="neutral"):
        Chip("Done", "shiny")


def test_buttons_leave_room_around_their_words(themed, qtbot):
    button = make_button("Continue reading", "primary")
    qtbot.addWidget(button)
    words = button.fontMetrics().horizontalAdvance("Continue reading")
    assert button.minimumSizeHint().width() >= words + 2 * tokens.SPACE_2 or button.minimumWidth() >= words + 32


def test_check_box_border_reaches_three_to_one_in_both_themes(themed, qtbot):
    box = CheckBox("Mark as done")
    qtbot.addWidget(box)
    for theme in ("light", "dark"):
        apply_theme(themed, theme)
        outline = box.palette().color(QPalette.ColorRole.Window).darker(140).name()  # as Fusion draws it
        assert contrast_ratio(outline, tokens.colour(theme, "surface")) >= 3, theme


def test_meter_groove_reaches_three_to_one_on_a_dark_card(themed, qtbot):
    bar = meter()
    qtbot.addWidget(bar)
    apply_theme(themed, "dark")
    outline = bar.palette().color(QPalette.ColorRole.Window).darker(140).name()
    assert not bar.isTextVisible() and contrast_ratio(outline, tokens.DARK["surface"]) >= 3


def test_muted_label_and_chip(themed, qtbot):
    label = muted_label("3 days ago")
    chip = Chip("Done", "success")
    card = Card("Your progress")
    for w in (label, chip, card):
        qtbot.addWidget(w)
    assert colour_of(label, QPalette.ColorRole.WindowText) == tokens.LIGHT["text_muted"]
    assert chip.accessibleName() == "Done"
    assert chip.sizeHint().width() > chip.fontMetrics().horizontalAdvance("Done")
    card.show()
    chip.show()
    assert not card.grab().isNull() and not chip.grab().isNull()  # they paint
    assert card.title.text() == "Your progress" and card.title.font().bold()


def test_empty_state_offers_its_one_action(themed, qtbot):
    empty = EmptyState("No reflections yet", "Write one after a consultation.", "Write a reflection")
    qtbot.addWidget(empty)
    with qtbot.waitSignal(empty.action_requested):
        empty.button.click()
    assert empty.button.property("variant") == "primary"
    assert empty.accessibleName() == "No reflections yet"
    assert EmptyState("Nothing here", "Nothing to do.").button is None


def test_row_delegate_splits_title_and_subtitle_and_gives_room(themed, qtbot):
    assert RowDelegate.parts("Title\n5 May \u00b7 draft") == ("Title", "5 May \u00b7 draft")
    assert RowDelegate.parts("Only a title") == ("Only a title", "")
    view = QListWidget()
    qtbot.addWidget(view)
    view.addItem(QListWidgetItem("A reflection\n5 May \u00b7 draft \u00b7 120 words"))
    plain = view.sizeHintForRow(0)
    delegate = use_rows(view)
    option = QStyleOptionViewItem()
    option.font = view.font()
    index = view.model().index(0, 0)
    assert delegate.sizeHint(option, index).height() >= 2 * view.fontMetrics().height() + 2 * tokens.SPACE_1
    assert delegate.sizeHint(option, index).height() > plain
    view.resize(300, 200)
    view.show()
    view.setCurrentRow(0)
    assert not view.grab().isNull()
    assert index.data(Qt.ItemDataRole.DisplayRole).startswith("A reflection")  # what screen readers read
    assert isinstance(QModelIndex(), QModelIndex) and QApplication.instance() is themed


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_buttons_as_drawn_keep_their_words_readable(themed, qtbot, theme):
    """Fusion draws a button lighter than its colour: measure the pixels, not the token."""
    from trainer.ui.common.style import token

    apply_theme(themed, theme)
    for variant in ("primary", "danger", "secondary"):
        button = make_button("Start module 1", variant)
        qtbot.addWidget(button)
        button.resize(button.sizeHint())
        image = button.grab().toImage()
        fill = image.pixelColor(image.width() // 2, 4).name()  # above the words
        words = token("on_primary" if variant == "primary" else "on_danger" if variant == "danger" else "text")
        assert contrast_ratio(words.name(), fill) >= 4.5, (theme, variant, fill)
