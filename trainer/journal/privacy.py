"""Privacy guard: find things in a reflection that might identify a patient.

Pure Python, runs on the learner's machine only; nothing is sent anywhere.
It is a safety net, not a guarantee: it looks for the common identifiers
(NHS numbers, dates of birth and other dates, postcodes, phone numbers,
e-mail addresses, a title followed by a name) so the person can reword.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NHS_NUMBER = "nhs-number"
DATE_OF_BIRTH = "date-of-birth"
DATE = "date"
POSTCODE = "postcode"
PHONE = "phone"
EMAIL = "email"
NAME = "name"

LABELS = {
    NHS_NUMBER: "NHS number",
    DATE_OF_BIRTH: "Date of birth",
    DATE: "Date",
    POSTCODE: "Postcode",
    PHONE: "Phone number",
    EMAIL: "E-mail address",
    NAME: "Title and name",
}

ADVICE = {
    NHS_NUMBER: "Leave the NHS number out entirely.",
    DATE_OF_BIRTH: "Give an age range instead, such as 'in her seventies'.",
    DATE: "A full date can identify someone with other details; try 'last spring' or 'recently'.",
    POSTCODE: "Leave out the postcode; say 'at home' or 'in the community' instead.",
    PHONE: "Leave the phone number out.",
    EMAIL: "Leave the e-mail address out.",
    NAME: "Use a role or a description instead, such as 'the patient' or 'a man in his sixties'.",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    @property
    def advice(self) -> str:
        return ADVICE[self.kind]


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number modulus 11 check on a 10-digit string."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10:
        return False
    return check == int(digits[9])


_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)

_NHS = re.compile(r"(?<![\d\w])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d\w])")
_DATES = [
    re.compile(r"(?<![\d\w/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d\w/-])"),
    re.compile(r"(?<![\d\w-])\d{4}-\d{2}-\d{2}(?![\d\w-])"),
    re.compile(rf"(?<![\w])\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}(?!\d)", re.IGNORECASE),
    re.compile(rf"(?<![\w])(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}(?!\d)", re.IGNORECASE),
]
_BIRTH_CUE = re.compile(r"\b(?:d\.?o\.?b\.?|date\s+of\s+birth|born|birthday)\b", re.IGNORECASE)
_POSTCODE = re.compile(r"(?<![\w])(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}(?![\w])")
_PHONE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|0)(?:\d[\s-]?){8,9}\d(?![\w])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TITLE_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+(?:[A-Z][a-z]*\.?\s+)?[A-Z][a-zA-Z'\u2019-]+")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def scan(text: str) -> list[Finding]:
    """Everything that may identify a person, in text order, without overlaps."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if _overlaps((start, end), taken):
            return
        taken.append((start, end))
        found.append(Finding(kind, start, end, text[start:end]))

    for m in _EMAIL.finditer(text):
        add(EMAIL, m.start(), m.end())
    for m in _NHS.finditer(text):
        if nhs_check_digit_ok(_digits(m.group(0))):
            add(NHS_NUMBER, m.start(), m.end())
    for pattern in _DATES:
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()]
            kind = DATE_OF_BIRTH if _BIRTH_CUE.search(before) else DATE
            add(kind, m.start(), m.end())
    for m in _PHONE.finditer(text):
        digits = _digits(m.group(0))
        # +44 drops the trunk 0, though people often keep it as "+44 (0)20 ..."
        national = digits[2:].removeprefix("0") if m.group(0).startswith("+") else digits[1:]
        if len(national) in (9, 10) and national[0] in "123578":
            add(PHONE, m.start(), m.end())
    for m in _POSTCODE.finditer(text):
        add(POSTCODE, m.start(), m.end())
    for m in _TITLE_NAME.finditer(text):
        add(NAME, m.start(), m.end())
    found.sort(key=lambda f: f.start)
    return found


def summary(findings: list[Finding]) -> str:
    """A one-line plain-English summary such as '1 NHS number and 2 dates'."""
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.label] = counts.get(f.label, 0) + 1
    parts = [f"{n} {_lower(label) if n == 1 else _plural(_lower(label))}" for label, n in counts.items()]
    if not parts:
        return "nothing that looks identifying"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _lower(label: str) -> str:
    return label if label.startswith("NHS") else label.lower()


def _plural(word: str) -> str:
    if word.endswith("address"):
        return word + "es"
    if word == "title and name":
        return "titles and names"
    if word.startswith("date of birth"):
        return "dates of birth"
    return word + "s"
