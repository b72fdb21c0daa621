"""What each regulator asks of a registrant at revalidation or renewal, and how far a
person's CPD log goes towards it.

Every fact here is the regulator's and cites its source (``Source``: the
page, and the day the requirement was last checked against it). Regulators
change their rules: check the source before relying on a figure, and update
``checked`` when you do. What the app cannot see (practice hours, a health
and character declaration, indemnity) is listed as something the person
records elsewhere, never counted as met.

How a requirement is measured (``measure``):

* ``hours`` / ``participatory``: CPD hours in the cycle from the log;
* ``reflections``: finished reflections in the cycle (the person picks which
  go in the pack);
* ``feedback``: pieces of practice-related feedback in the cycle (observer
  feedback from team sessions, and feedback an attendance file reports);
* ``kinds``: different kinds of learning activity in the cycle;
* ``evidence``: items the person picks as evidence (a reflection written
  about a discussion, a team session, an attempt...);
* ``elsewhere``: outside this app: shown, never counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from trainer.cpd.log import CpdLog


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    checked: str  # YYYY-MM-DD: when the requirement was last compared with the source


@dataclass(frozen=True)
class Requirement:
    key: str
    title: str
    target: float
    measure: str  # see the module docstring
    unit: str = ""  # "hours", "accounts"...: how ``target`` is spoken of
    note: str = ""


@dataclass(frozen=True)
class Form:
    """A sign-off the pack leaves space for: what the other person fills in."""

    title: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Regulator:
    key: str
    name: str
    who: str
    cycle: str  # how often, in words
    cycle_years: int
    requirements: tuple[Requirement, ...]
    sources: tuple[Source, ...]
    forms: tuple[Form, ...] = ()


CHECKED = "2026-12-05"  # compared with the published guidance (as stored copies of these pages) on this day

NMC = Regulator(
    "nmc",
    "Nursing and Midwifery Council (NMC)",
    "Nurses, midwives and nursing associates in the UK",
    "every three years",
    3,
    (
        Requirement(
            "practice_hours",
            "Practice hours",
            450,
            "elsewhere",
            "hours",
            "450 hours over the three years (900 if renewing as both a nurse and a midwife); "
            "keep your own record of them",
        ),
        Requirement("cpd_hours", "CPD hours", 35, "hours", "hours", "relevant to your scope of practice"),
        Requirement(
            "participatory_hours",
            "Participatory CPD hours",
            20,
            "participatory",
            "hours",
            "of the 35: learning in which you interact with one or more other people",
        ),
        Requirement("feedback", "Practice-related feedback", 5, "feedback", "pieces"),
        Requirement(
            "reflections",
            "Written reflective accounts",
            5,
            "reflections",
            "accounts",
            "each on your CPD, a piece of feedback or an event in your practice, and how it relates to the Code",
        ),
        Requirement(
            "discussion",
            "Reflective discussion",
            1,
            "evidence",
            "discussion",
            "with another NMC registrant, covering your five written reflective accounts",
        ),
        Requirement("health_character", "Health and character declaration", 1, "elsewhere", "declaration"),
        Requirement("indemnity", "Professional indemnity arrangement", 1, "elsewhere", "declaration"),
        Requirement(
            "confirmation",
            "Confirmation",
            1,
            "evidence",
            "confirmation",
            "by an appropriate confirmer, usually your line manager",
        ),
    ),
    (
        Source(
            "NMC: Revalidation requirements (How to revalidate with the NMC)",
            "https://www.nmc.org.uk/revalidation/requirements/",
            CHECKED,
        ),
    ),
    (
        Form(
            "Reflective discussion",
            ("NMC registrant's name", "NMC PIN", "Email", "Professional address and postcode", "Date", "Signature"),
        ),
        Form(
            "Confirmation",
            (
                "Confirmer's name",
                "NMC PIN (if on the NMC register)",
                "Email",
                "Professional address and postcode",
                "Date",
                "Signature",
            ),
        ),
    ),
)

HCPC = Regulator(
    "hcpc",
    "Health and Care Professions Council (HCPC)",
    "Allied health professionals and other HCPC-registered professions",
    "every two years, at renewal (a sample of each profession is audited)",
    2,
    (
        Requirement(
            "record",
            "A continuous, up-to-date and accurate record of CPD",
            1,
            "hours",
            "hours",
            "standard 1: the dated list of activities; explain any gap of three months or more",
        ),
        Requirement(
            "mixture",
            "A mixture of learning activities",
            2,
            "kinds",
            "kinds of activity",
            "standard 2: relevant to current or future practice",
        ),
        Requirement(
            "quality",
            "CPD has contributed to the quality of practice and service delivery",
            1,
            "reflections",
            "reflections",
            "standard 3: a reflection on what changed in your practice",
        ),
        Requirement(
            "service_user",
            "CPD benefits the service user",
            1,
            "evidence",
            "items",
            "standard 4: pick the evidence that shows the benefit",
        ),
        Requirement(
            "profile",
            "A written CPD profile, on request",
            1,
            "elsewhere",
            "profile",
            "standard 5: if audited, a summary of practice and a statement with evidence",
        ),
    ),
    (
        Source(
            "HCPC: Standards of continuing professional development",
            "https://www.hcpc-uk.org/standards/standards-of-continuing-professional-development/",
            CHECKED,
        ),
    ),
)

GPHC = Regulator(
    "gphc",
    "General Pharmaceutical Council (GPhC)",
    "Pharmacists and pharmacy technicians in Great Britain",
    "every year, at renewal",
    1,
    (
        Requirement(
            "cpd_records",
            "CPD records",
            4,
            "evidence",
            "records",
            "at least two of them planned learning; pick the activities you will write up",
        ),
        Requirement("peer_discussion", "Peer discussion", 1, "evidence", "discussion"),
        Requirement(
            "reflective_account",
            "Reflective account",
            1,
            "reflections",
            "account",
            "how you meet the GPhC standards for pharmacy professionals",
        ),
    ),
    (
        Source(
            "GPhC: Revalidation for pharmacy professionals",
            "https://www.pharmacyregulation.org/revalidation-pharmacy-professionals",
            CHECKED,
        ),
    ),
)

GMC = Regulator(
    "gmc",
    "General Medical Council (GMC): appraisal and revalidation",
    "Doctors with a licence to practise in the UK",
    "revalidation every five years, with a yearly appraisal",
    5,
    (
        Requirement(
            "cpd",
            "Continuing professional development",
            250,
            "hours",
            "hours",
            "the GMC sets no hours; the Academy of Medical Royal Colleges' guide is at least 50 a year",
        ),
        Requirement("qia", "Quality improvement activity", 1, "evidence", "items"),
        Requirement("significant_events", "Significant events", 1, "elsewhere", "review"),
        Requirement(
            "colleague_feedback",
            "Feedback from colleagues",
            1,
            "evidence",
            "exercise",
            "once each five-year cycle, usually a colleague questionnaire; observer feedback here can support it "
            "but is not that exercise",
        ),
        Requirement("patient_feedback", "Feedback from patients", 1, "elsewhere", "exercise", "once each cycle"),
        Requirement("complaints", "Review of compliments and complaints", 1, "elsewhere", "review"),
        Requirement("reflection", "Reflection on the supporting information", 1, "reflections", "reflections"),
    ),
    (
        Source(
            "GMC: Guidance on supporting information for appraisal and revalidation",
            "https://www.gmc-uk.org/registration-and-licensing/managing-your-registration/revalidation/"
            "guidance-on-supporting-information-for-appraisal-and-revalidation",
            CHECKED,
        ),
        Source(
            "Academy of Medical Royal Colleges: Core principles for CPD (2016): a target of 50 credits "
            "(one an hour) a year, 250 over five years",
            "https://www.aomrc.org.uk/",
            CHECKED,
        ),
    ),
)

REGULATORS: dict[str, Regulator] = {r.key: r for r in (NMC, HCPC, GPHC, GMC)}


@dataclass(frozen=True)
class Status:
    requirement: Requirement
    have: float
    met: bool | None  # None: outside this app, not counted
    text: str  # "23.5 of 35 hours", "3 of 5 accounts", "not yet", "record it elsewhere"


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def status(req: Requirement, log: CpdLog, picked: int = 0) -> Status:
    """How far ``log`` (already the cycle's) and ``picked`` evidence go towards ``req``."""
    if req.measure == "elsewhere":
        return Status(req, 0, None, "outside this app: keep your own record")
    have: float
    if req.measure == "hours":
        have = round(log.minutes / 60, 1)
    elif req.measure == "participatory":
        have = round(log.participatory_minutes / 60, 1)
    elif req.measure == "reflections":
        have = len(log.reflections)
    elif req.measure == "feedback":
        have = log.feedback_count
    elif req.measure == "kinds":
        have = len(log.kinds_done())
    else:  # evidence
        have = picked
    met = have >= req.target
    if req.measure == "evidence" and not have:
        return Status(req, 0, False, "not yet: pick the evidence")
    return Status(req, have, met, f"{_number(have)} of {_number(req.target)} {req.unit}".strip())


def cycle_start(end: date, years: int) -> date:
    """The first day of a cycle of ``years`` that ends on ``end`` (29 February: 28th)."""
    try:
        return end.replace(year=end.year - years)
    except ValueError:
        return end.replace(year=end.year - years, day=28)
