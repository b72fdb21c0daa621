"""Evidence by picking (#19): a skill's rating links to a reflection chosen from a list with its
title and date, never a typed record id; the link survives reopening and counts on the dashboard."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def test_a_reflection_is_picked_by_its_title_and_counts_as_evidence(make_app, sample_course, qtbot):
    parts = make_app(content=sample_course)
    rec = parts.store.add(
        "reflection",
        {
            "profile": parts.profile_id,
            "title": "Asking before advising with Mr A",
            "template": "rolfe",
            "status": "finished",
            "date": "2026-03-02",
            "sections": {"what": "I asked first."},
        },
    )
    parts.window.show_section("skills")
    skills = parts.window.section("skills")
    skills.show_page("self")
    view = skills.self_view
    view.form.table.go_to_row(0)
    picker = view.form.panel.fields["link"]
    assert isinstance(picker, QComboBox) and picker.accessibleName().startswith("Linked evidence")
    assert picker.count() == 1 and not picker.filled  # the records are read when the list is wanted
    picker.showPopup()
    picker.hidePopup()
    labels = [picker.itemText(i) for i in range(picker.count())]
    assert labels[0] == "Nothing linked"
    (label,) = [t for t in labels if "Asking before advising with Mr A" in t]
    assert label.startswith("2026-03-02")
    picker.setCurrentIndex(labels.index(label))
    picker.activated.emit(picker.currentIndex())
    view.form.panel._rate(2)
    view.save()
    (saved,) = parts.store.all("self_assessment")
    skill = view.form.model.skill_at(0).id
    assert saved["items"][skill]["link"] == rec["uid"]

    # Opened again, the same reflection is shown as linked; the dashboard counts it as evidence.
    view.open(saved["uid"])
    view.form.table.go_to_row(0)
    assert picker.currentData() == rec["uid"] and "Mr A" in picker.currentText()
    skills.dashboard.refresh()
    first = next(s for s in skills.dashboard.summaries if s.skill_id == skill)
    assert first.evidence == 1


def test_a_link_to_a_record_no_longer_here_is_kept_not_dropped(make_app, sample_course):
    parts = make_app(content=sample_course)
    parts.window.show_section("skills")
    skills = parts.window.section("skills")
    view = skills.self_view
    skill = view.form.model.skill_at(0).id
    old = parts.store.add(
        "self_assessment",
        {"profile": parts.profile_id, "date": "2026-03-01", "items": {skill: {"rating": 1, "link": "gone-1234567"}}},
    )
    view.open(old["uid"])
    view.form.table.go_to_row(0)
    picker = view.form.panel.fields["link"]
    assert picker.currentData() == "gone-1234567"
    picker.fill()
    assert picker.currentData() == "gone-1234567" and "not found here" in picker.currentText()
    view.save()
    assert parts.store.get("self_assessment", old["uid"])["items"][skill]["link"] == "gone-1234567"
