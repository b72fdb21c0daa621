"""No rating yet: the dashboard says what to do and offers it, instead of a table of blanks."""

from trainer.tools.demo_ratings import add_demo_ratings

from .test_skills_section import content, controller, store, view  # noqa: F401 (fixtures)


def test_empty_dashboard_offers_the_self_assessment(view, qtbot):  # noqa: F811
    dashboard = view.dashboard
    assert dashboard.empty.isVisible() and not dashboard.split.isVisible()
    assert dashboard.empty.headline.text() == "No ratings yet"
    dashboard.empty.button.click()
    assert view.pages.currentWidget() is view.self_view


def test_with_ratings_the_table_is_back(view, store, content):  # noqa: F811
    add_demo_ratings(store, "me", content.framework, lambda: "2026-03-14T10:00:00+00:00")
    view.dashboard.refresh()
    assert view.dashboard.split.isVisible() and not view.dashboard.empty.isVisible()
