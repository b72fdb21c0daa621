from trainer.sessions.counts import ratios, total_counts
from trainer.sessions.report import render_report_html


def _run_session(service, taster, seven):
    uid = seven["uid"]
    session = service.make_groups(uid, taster, seed=11)
    triad = next(g for g in session["rounds"][0]["groups"] if len(g) == 3)
    service.save_observation(
        uid,
        0,
        triad[2],
        triad[0],
        "Private note about Asha's goal",
        {
            "open_question": 6,
            "closed_question": 2,
            "simple_reflection": 4,
            "complex_reflection": 5,
            "advice_with_permission": 1,
            "advice_without_permission": 1,
        },
    )
    service.set_debrief(uid, "We noticed we ask too many questions.\n\nTry one reflection per question <b>now</b>.")
    return service.get(uid)


def test_report_is_anonymised_by_default(service, taster, seven):
    session = _run_session(service, taster, seven)
    html = render_report_html(
        session,
        taster,
        service.observations(session["uid"]),
        skill_names={"agenda-setting": "Sets the agenda together"},
    )
    for person in session["participants"]:
        assert person["name"] not in html
    assert "Private note" not in html
    assert "7 of 7 people on the roster took part." in html
    assert "1 triad and 2 pairs" in html and "Triads" not in html
    assert "Sets the agenda together" in html
    assert "1.1 to 1" in html and "56% of reflections" in html and "50% of advice" in html
    assert "Try one reflection per question &lt;b&gt;now&lt;/b&gt;." in html  # escaped
    assert "90" in html and "Welcome and ground rules" in html


def test_report_with_names_lists_people_and_roles(service, taster, seven):
    session = _run_session(service, taster, seven)
    html = render_report_html(session, taster, service.observations(session["uid"]), include_names=True)
    for person in session["participants"]:
        assert person["name"] in html
    assert "(practitioner)" in html and "(observer)" in html
    assert "Private note" not in html


def test_ratios_levels_and_empty_counts():
    totals = total_counts(
        [{"open_question": 3, "closed_question": 1, "simple_reflection": 4, "complex_reflection": 4}, None]
    )
    by_key = {r.key: r for r in ratios(totals)}
    assert by_key["reflection_to_question"].level == "good"
    assert by_key["complex_reflections"].level == "good"
    assert by_key["permission_rate"].value is None and by_key["permission_rate"].level == ""
    empty = {r.key: r for r in ratios(total_counts([]))}
    assert empty["reflection_to_question"].shown == "no questions counted"
