"""Code what a practitioner says, sentence by sentence, with the eight counter codes.

Transparent rules, no model: every sentence gets one code from
``coding.CODE_IDS`` (or ``OTHER``) and the cue that decided it, so the learner
can see why and correct it. The rules were written from the ``dev`` rows of
``tests/data/utterances.csv`` only; ``benchmarks/coder.py`` measures them on
the held-out ``test`` rows (figures and weak spots in the README).

The order of the checks is the order a human coder asks the questions:
is it a summary? advice (and was permission asked)? a question, open or
closed? an affirmation? otherwise a reflection, simple or complex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.competencies.coding import BY_ID

OTHER = "other"
LABELS = {**{c.id: c.label for c in BY_ID.values()}, OTHER: "Not coded"}

EXPLANATIONS = {
    "open_question": "This is an open question: it invites the person to answer in their own words, "
    "not with yes, no or a single fact.",
    "closed_question": "This is a closed question: it can be answered yes or no, or with a single fact.",
    "simple_reflection": "This is a simple reflection: it says back what the person said, in similar "
    "words, as a statement rather than a question.",
    "complex_reflection": "This is a complex reflection: it adds meaning to what the person said, "
    "such as a feeling, what lies underneath, or both sides of a dilemma.",
    "affirmation": "This is an affirmation: it names a strength, an effort or a value of the person's.",
    "summary": "This is a summary: it gathers several things the person said into one statement "
    "they can check or add to.",
    "advice_with_permission": "This is advice with permission: you asked first, they asked you, "
    "or you left the choice with them.",
    "advice_without_permission": "This is advice without permission: it tells the person what to do "
    "without asking first or leaving the choice with them.",
    OTHER: "Not one of the eight codes: greetings, procedure and fillers are not counted.",
}


def _any(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")", re.IGNORECASE)


SUMMARY = _any(
    r"let me (?:just )?(?:check|see|make sure) (?:if )?i(?:'ve| have| am|'m)",
    r"let me (?:just )?(?:recap|summari[sz]e|play back|go over|gather)",
    r"what you(?:'ve| have) said is",
    r"let me check i'm following",
    r"(?:just )?to (?:sum up|recap|summari[sz]e|pull (?:this|it) together)",
    r"so,? to sum up",
    r"(?:pull|bring|put)(?:ing)? (?:it all |that |this |the threads )?together",
    r"(?:can i|let me) just (?:pull|bring) together",
    r"if i(?:'ve| have) got (?:this|that|it) right",
    r"just so i'm clear",
    r"so far,? we(?:'ve| have)",
    r"here's what i(?:'ve| have) heard",
    r"what i'm hearing",
    r"you(?:'ve| have) told me (?:two|three|four|a few) things",
    r"the story so far",
    r"in short",
    r"all in all",
    r"looking back over today",
    r"okay,? so far",
    r"the things you want from today",
)
# Asking permission, or a question that offers advice: what follows is with permission.
PERMISSION = _any(
    r"would it be (?:all right|alright|ok|okay|useful|helpful)",
    r"(?:can|could|may) i (?:tell|share|make|give|suggest|mention|offer|add|explain)",
    r"is it (?:all right|alright|ok|okay) if i",
    r"(?:do|would) you mind if i",
    r"would you like (?:me to|some ideas|some information|to hear|to know)",
    r"shall i (?:tell|explain|go through)",
    r"would you be open to",
    r"i wonder if i could",
    r"would it help if i",
    r"with your permission",
)
# The choice is left with the person, or they asked for the advice.
AUTONOMY = _any(
    r"(?:it's|it is) up to you",
    r"your (?:call|decision|choice)",
    r"may or may not (?:suit|fit|work)",
    r"you're the best judge",
    r"feel free to",
    r"take it or leave it",
    r"you get to choose",
    r"you may decide",
    r"you(?:'re| are) in charge",
    r"if you(?:'d| would) like",
    r"if you're interested",
    r"if (?:it|that) would help",
    r"(?:since|as) you(?: asked| wanted|'d like| would like)",
    r"you asked (?:about|what|me)",
    r"you(?:'ve)? said you (?:want|wanted|'d like)",
    r"you tell me if",
)
ADVICE = _any(
    r"you (?:should|must|need (?:to|more|less)|ought to|have to|'ll need to)",
    r"you'd be better off",
    r"i(?:'d| would)? (?:recommend|suggest|start)",
    r"i think you should",
    r"i want you to",
    r"if i were you",
    r"(?:it's|it is|it would be) (?:best|important that|a good idea|worth)",
    r"the best thing",
    r"what you need is",
    r"the thing to do",
    r"you might want to",
    r"you could (?:always )?(?:try|keep|split)",
    r"why don't you",
    r"have you (?:thought about|considered)",
    r"how about (?:trying|you)",
    r"(?:one|another) (?:option|thing that)",
    r"some people find",
    r"many (?:people )?find",
    r"might (?:make|help)",
    r"the (?:usual )?advice is",
    r"the guidelines",
)
IMPERATIVE = re.compile(
    r"^(?:please )?(?:try|take|cut|drink|eat|keep|avoid|stop|don't|do not|make sure|use|get|weigh|"
    r"let (?!me\b)|rest|go|start|put|ring|call|book|check your|remember to|aim to|swap|switch)\b",
    re.IGNORECASE,
)
ASKS_TELL = re.compile(
    r"^(?:and |so )?(?:(?:can|could|would) you )?(?:tell me|talk me through|walk me through|describe|explain"
    r"|say (?:a bit )?more)\b",
    re.IGNORECASE,
)
FACT_TELL = re.compile(r"tell me (?:your|the) (?:date|name|address|number|dose)", re.IGNORECASE)
OPEN_START = re.compile(r"^(?:and |so |okay,? |right,? )?(?:what|how|why|in what ways?|where)\b", re.IGNORECASE)
CLOSED_WH = re.compile(
    r"^(?:and |so )?(?:how (?:many|much|long|old|often)|what time|when|which|on a scale|what's your (?:date|name))\b",
    re.IGNORECASE,
)
AFFIRM = _any(
    r"well done for",
    r"good for you",
    r"that took (?:a lot of )?(?:courage|guts)",
    r"took guts",
    r"thank you for (?:being|telling|sharing)",
    r"you(?:'ve| have) (?:worked|done|shown|kept|handled|been (?:a|very|really)|got a lot|already made|really thought)",
    r"you(?:'re| are) (?:someone who|a fighter|the expert|good at)",
    r"(?:it's|it is) (?:impressive|obvious|clear) (?:how|you)",
    r"you (?:clearly|stuck|came back|did the right|did brilliantly|were honest|handled|know your)",
    r"shows? (?:real |a lot of )?(?:determination|strength|commitment|courage)",
    r"(?:a real|a big) achievement",
    r"was a (?:good|great) idea",
    r"(?:is|was) a strong thing",
    r"exactly what helps",
    r"your plan is",
    r"even on a bad day",
    r"i can see how much",
)
BARE_PRAISE = re.compile(r"^(?:well done|good|great|brilliant|excellent|lovely|fab(?:ulous)?)[.!]?$", re.IGNORECASE)
FILLER = re.compile(
    r"^(?:ok(?:ay)?|right|mm-?hm+|yes|yeah|sure|thanks?(?: you)?|good (?:morning|afternoon|evening)|hello|hi)\b"
    r"(?:[,.!]?\s*(?:come (?:on )?in|let me just\b.*|thanks\b.*)?)?[.!]?$",
    re.IGNORECASE,
)
PROCEDURE = re.compile(
    r"^(?:(?:okay|right),? )?"
    r"(?:i'm (?:going to|the)|i'll (?!be )|let me just|we've got|thanks for coming|i am going to)\b",
    re.IGNORECASE,
)
COMPLEX = _any(
    r"part of you",
    r"on the one hand",
    r"torn between",
    r"even though",
    r"as (?:if|though) (?!you're ready)",
    r"it feels like",
    r"feel(?:s)? like (?:a|you're)",
    r"more than",
    r"underneath",
    r"really important to you",
    r"matters? (?:a lot|most|so much) to you",
    r"you(?:'d| would) (?:like to be|hate)",
    r"you want to be",
    r"the sort of person",
    r"wondering whether",
    r"(?:frightened|worried|scared|afraid) (?:that|of)",
    r"the (?:worry|fear|pressure)",
    r"let down",
    r"grieving",
    r"burden",
    r"smaller",
    r"chipped away",
    r"peace of mind",
    r"for a long time",
    r"ready to",
    r"isn't [^,;:]+, it's",
    r";",
    r"(?:and|but) (?:also|scared|the timing)",
    r"on your side",
    r"your way of",
    r"for yourself",
    r"comes first",
)
# "So there's the cough, the worry and the money": three or more things gathered up.
LISTING = re.compile(r"^so,? [^?]*,[^?]*,[^?]* and ", re.IGNORECASE)
# A question typed without its question mark: an auxiliary verb before its subject, or a
# question word not followed straight by "you"/"I"/"we" ("What you need is..." is a statement).
QUESTION_START = re.compile(
    r"^(?:and |so |okay,? |right,? )?(?:(?:do|does|did|are|is|was|were|have|has|had|can|could|would|will"
    r"|shall|should|may)\s+(?:you|i|we|it|they|he|she|there|that|this|your|anyone|anything)\b"
    r"|(?:what|how|why|where|when|which|who)\s+(?!you\b|i\b|we\b))",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[\"'(A-Z0-9])")


@dataclass(frozen=True)
class CodedSentence:
    text: str
    code: str  # a counter code id, or OTHER
    cue: str  # what decided it, in plain words

    @property
    def label(self) -> str:
        return LABELS[self.code]

    @property
    def explanation(self) -> str:
        return f"{EXPLANATIONS[self.code]} ({self.cue})"


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def _found(pattern: re.Pattern[str], text: str) -> str | None:
    m = pattern.search(text)
    return m.group(0) if m else None


def code_sentence(sentence: str, permission: bool = False) -> CodedSentence:
    """One sentence's code; ``permission``: asked for, invited or left to the person earlier."""
    s = sentence.strip()
    lowered = s.lower()
    is_question = s.endswith("?") or bool(QUESTION_START.match(s))
    if hit := _found(SUMMARY, s):
        return CodedSentence(s, "summary", f"'{hit}' gathers what was said")
    if (hit := _found(PERMISSION, s)) and not _found(ADVICE, s):
        code = "closed_question" if is_question else OTHER
        return CodedSentence(s, code, f"'{hit}' asks permission; advice after it counts as with permission")
    autonomy = _found(AUTONOMY, s)
    advice = _found(ADVICE, s) or (_found(IMPERATIVE, s) if not ASKS_TELL.match(s) else None)
    if advice:
        if permission or autonomy:
            why = f"'{autonomy}' leaves the choice with them" if autonomy else "permission was asked before it"
            return CodedSentence(s, "advice_with_permission", f"'{advice}' suggests what to do; {why}")
        return CodedSentence(s, "advice_without_permission", f"'{advice}' suggests what to do, unasked")
    if autonomy and not is_question:
        return CodedSentence(s, "advice_with_permission", f"'{autonomy}' offers something and leaves the choice")
    if permission and not is_question and not lowered.startswith(("you ", "you'", "so ")):
        return CodedSentence(s, "advice_with_permission", "information given after permission was asked")
    if is_question or ASKS_TELL.match(s):
        return _question(s)
    if BARE_PRAISE.match(s):
        return CodedSentence(s, OTHER, "praise that names no strength or effort")
    if FILLER.match(s) or PROCEDURE.match(s):
        return CodedSentence(s, OTHER, "a greeting, filler or what you are doing")
    if LISTING.match(s):
        return CodedSentence(s, "summary", "lists several things they said")
    if hit := _found(AFFIRM, s):
        return CodedSentence(s, "affirmation", f"'{hit}' recognises what they did or are")
    if hit := _found(COMPLEX, s):
        return CodedSentence(s, "complex_reflection", f"'{hit}' adds meaning")
    words = len(s.split())
    if words >= 15:
        return CodedSentence(s, "complex_reflection", "a long statement that goes beyond their words")
    return CodedSentence(s, "simple_reflection", "a statement about them, no question mark")


def _question(s: str) -> CodedSentence:
    tell = ASKS_TELL.match(s)
    if tell and not FACT_TELL.search(s):
        return CodedSentence(s, "open_question", f"'{tell.group(0).strip()}' asks for their account")
    if hit := CLOSED_WH.match(s):
        return CodedSentence(s, "closed_question", f"'{hit.group(0).strip()}' asks for one fact")
    if hit := OPEN_START.match(s):
        return CodedSentence(s, "open_question", f"starts with '{hit.group(0).strip()}'")
    if re.search(r",? (?:aren't|isn't|don't|didn't|haven't|won't|wasn't|weren't) (?:you|it|they|he|she)\?$", s):
        return CodedSentence(s, "closed_question", "a tag question asks them to agree")
    return CodedSentence(s, "closed_question", "can be answered yes or no")


def code_text(text: str) -> list[CodedSentence]:
    """Every sentence of what a practitioner says, coded; a summary runs to the end."""
    out: list[CodedSentence] = []
    permission = bool(AUTONOMY.search(text))
    summarising = False
    for sentence in split_sentences(text):
        if summarising:
            out.append(CodedSentence(sentence, "summary", "part of the summary started before"))
            continue
        coded = code_sentence(sentence, permission)
        if coded.code == "summary":
            summarising = True
        if PERMISSION.search(sentence):  # asked, with or without its question mark
            permission = True
        out.append(coded)
    return out


def main_code(coded: list[CodedSentence]) -> str:
    """One code for a whole utterance: a summary, else any advice, else the first coded sentence."""
    codes = [c.code for c in coded]
    for wanted in ("summary", "advice_with_permission", "advice_without_permission"):
        if wanted in codes:
            return wanted
    return next((c for c in codes if c != OTHER), OTHER)


def code_utterance(text: str) -> str:
    return main_code(code_text(text))
