"""The bundled branching consultations ("Your turn"): they validate, and the course keeps its promises.

Four consultations, one per profession group, each with at least 8 decisions
on the expert path; at least one where the person pushes back; the expert path
keeps safety-netting, cites its sources and reaches at least "fair" on every
figure the course's thresholds set.
"""

from __future__ import annotations

import pytest

from trainer.competencies.coding import BELOW
from trainer.competencies.framework import load_framework
from trainer.consultations.loader import consultation_files, load_consultations
from trainer.consultations.scoring import figures, path_counts


@pytest.fixture(scope="module")
def loaded():
    from tests.content.conftest import ROOT

    framework, _ = load_framework(ROOT / "content")
    assert framework is not None
    return framework, load_consultations(ROOT / "content", known_skills=framework.skill_ids)


def test_every_bundled_consultation_validates_without_a_warning(loaded):
    _framework, found = loaded
    assert [d.format() for d in found.diagnostics] == []
    assert len(found.consultations) == len(consultation_files(found.consultations[0].path.parents[1]))


def test_four_consultations_one_per_profession_group(loaded):
    _framework, found = loaded
    professions = [c.profession for c in found.consultations]
    assert len(found.consultations) >= 4
    assert len(set(professions)) >= 4, professions


def test_each_has_at_least_eight_decisions_on_the_expert_path(loaded):
    _framework, found = loaded
    for c in found.consultations:
        assert len(c.expert_path()) >= 8, c.id
        assert c.nodes[c.follow(c.expert_path())].end, c.id


def test_at_least_one_person_pushes_back(loaded):
    _framework, found = loaded
    assert any(n.pushback for c in found.consultations for n in c.nodes.values())


def test_the_model_path_keeps_safety_netting_and_cites_sources(loaded):
    _framework, found = loaded
    for c in found.consultations:
        assert any(c.response(s).safety_net for s in c.expert_path()), f"{c.id}: no safety-netting on the expert path"
        assert c.sources, f"{c.id}: no sources"


def test_the_model_path_reaches_at_least_fair_on_every_figure(loaded):
    framework, found = loaded
    for c in found.consultations:
        for measure in figures(path_counts(c, c.expert_path()), framework.threshold):
            assert measure.level != BELOW, f"{c.id}: {measure.label} {measure.text}"
