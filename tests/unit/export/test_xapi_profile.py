"""The app's own xAPI verbs and extensions are described in one profile (issue 23).

docs/xapi/profile.jsonld is an xAPI Profile (https://w3id.org/xapi/profiles) that can be
published at the documented IRI base. Every verb and extension the app emits under that base
must be a concept there, of the right type, and every value must fit the concept's schema: a new
extension without its description fails here."""

import json
import re
from pathlib import Path

import pytest

from trainer.content import load_content
from trainer.export.xapi import IRI_BASE, xapi_statements
from trainer.records.store import memory_store
from trainer.services.consultations import ConsultationService
from trainer.tools.demo_export import fill_demo

ROOT = Path(__file__).resolve().parents[3]
PROFILE = json.loads((ROOT / "docs" / "xapi" / "profile.jsonld").read_text(encoding="utf-8"))
CONCEPTS = {c["id"]: c for c in PROFILE["concepts"]}
TYPES = {"integer": int, "number": (int, float), "string": str, "object": dict}


def fits(value, schema: dict) -> bool:
    """The few JSON Schema words the profile uses: type, minimum, maximum, enum, pattern,
    additionalProperties (a small checker: jsonschema is not a dependency)."""
    if "enum" in schema and value not in schema["enum"]:
        return False
    if "type" in schema:
        kind = TYPES[schema["type"]]
        if not isinstance(value, kind) or isinstance(value, bool):
            return False
    if "minimum" in schema and value < schema["minimum"]:
        return False
    if "maximum" in schema and value > schema["maximum"]:
        return False
    if "pattern" in schema and not re.search(schema["pattern"], value):
        return False
    extra = schema.get("additionalProperties")
    return not (isinstance(extra, dict) and not all(fits(v, extra) for v in value.values()))


def test_the_checker_refuses_what_it_should():
    assert fits(3, {"type": "integer", "minimum": 0}) and not fits(-1, {"type": "integer", "minimum": 0})
    assert not fits(True, {"type": "integer"}) and not fits("3", {"type": "integer"})
    assert not fits({"a": 9}, {"type": "object", "additionalProperties": {"type": "integer", "maximum": 5}})
    assert not fits("x", {"enum": ["self", "observer"]}) and not fits("a:b", {"pattern": "^[a-z]+:[^:]+:[a-z]+$"})


def test_the_profile_names_its_version_and_every_concept_is_described():
    assert PROFILE["id"] == IRI_BASE + "/profile" and PROFILE["type"] == "Profile"
    assert PROFILE["conformsTo"] == "https://w3id.org/xapi/profiles#1.0"
    version = PROFILE["versions"][0]["id"]
    for concept in PROFILE["concepts"]:
        assert concept["id"].startswith(IRI_BASE + "/"), concept["id"]
        assert concept["inScheme"] == version
        assert concept["type"] in ("Verb", "ResultExtension", "ContextExtension")
        assert concept["prefLabel"]["en"] and len(concept["definition"]["en"]) > 20
        if concept["type"] != "Verb":
            json.loads(concept["inlineSchema"])


@pytest.fixture(scope="module")
def statements():
    """The demo's records, plus the kinds it has none of: a branching consultation played along
    the expert's path and a team session attended (from the trainer's attendance file)."""
    content = load_content(ROOT / "tests" / "fixtures" / "sample-course")
    store = memory_store(clock=lambda: "2026-04-01T10:00:00+00:00")
    fill_demo(store)
    grace = content.consultations[0]
    ConsultationService(store, content.consultations, content.framework.threshold, "default").save(
        grace, grace.expert_path(), 301
    )
    store.add(
        "session_attendance",
        {
            "profile": "default",
            "session_uid": "5e55-10n",
            "title": "Riverside taster",
            "date": "2026-03-20",
            "team": "Riverside nurses",
            "minutes": 90,
            "participatory": True,
            "rounds": [{"round": 1, "title": "Agenda", "skill": "agenda-setting", "role": "practitioner"}],
            "practitioner_turns": 1,
            "feedback": 1,
        },
    )
    return xapi_statements(store, "default", content)


def test_every_verb_and_extension_the_app_emits_is_in_the_profile(statements):
    used: set[str] = set()
    for st in statements:
        verb = st["verb"]["id"]
        if verb.startswith(IRI_BASE):
            assert CONCEPTS.get(verb, {}).get("type") == "Verb", f"{verb} is not described in the profile"
            used.add(verb)
        for where, kind in (("result", "ResultExtension"), ("context", "ContextExtension")):
            for iri, value in st.get(where, {}).get("extensions", {}).items():
                concept = CONCEPTS.get(iri)
                assert concept is not None, f"{iri} is not described in docs/xapi/profile.jsonld"
                assert concept["type"] == kind, f"{iri} is used in the {where} but described as {concept['type']}"
                assert fits(value, json.loads(concept["inlineSchema"])), f"{iri}: {value!r} does not fit its schema"
                used.add(iri)
    assert used == set(CONCEPTS), f"described but never used: {sorted(set(CONCEPTS) - used)}"


def test_a_team_session_attended_is_an_attended_statement_by_the_learner(statements):
    (attended,) = [s for s in statements if s["object"]["id"] == IRI_BASE + "/sessions/5e55-10n"]
    assert attended["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attended"
    assert attended["actor"]["account"]["name"] == "default"
    assert attended["result"]["duration"] == "PT90M"
    assert attended["context"]["extensions"][IRI_BASE + "/extensions/role"] == "practitioner"
