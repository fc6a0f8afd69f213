"""A small learned reading of job asks, beside the rules of `job_ask.py` (round 6).

Logistic regression over one sentence at a time: word unigrams and bigrams of the sentence as
`job_ask.normalise` reads it (lower case, contractions spelt out, job-word typos corrected),
plus a few structural features the rules already compute (an ask aimed at the reader, an
employment object, both together, a negation, the past, a question about the topic). Trained
by `tools/train_job_ask.py` on the development corpora; the weights live in
`job_ask_model.json` beside this file and are loaded once.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from coffeechat.domain.checker import job_ask
from coffeechat.domain.checker.context import CheckContext
from coffeechat.domain.checker.text import Doc, Sentence
from coffeechat.domain.findings import Finding

WEIGHTS = Path(__file__).with_name("job_ask_model.json")


# The model reads only a sentence that names work in some way: a job word, a trade's word for a
# place on a team, or an employment object the rules know. "If you're ever in Glasgow, I'd love
# to buy you a coffee" has the shape of an ask and nothing of a job.
_ABOUT_WORK = re.compile(
    r"\b(?:jobs?|posts?|roles?|positions?|openings?|vacanc\w*|intern\w*|hir(?:e|es|ed|ing)|"
    r"recruit\w*|employ\w*|trainees?|apprentice\w*|clerkships?|placements?|team|crew|hands?|"
    r"trials?|shifts?|cv|resume|refer\w*|recommend\w*|consider\w*|apply\w*|applications?|"
    r"opportunit\w*|schemes?|contracts?|staff|join\w*|places?|room|spots?|start|work)\b"
)


def about_work(normalised: str) -> bool:
    return bool(_ABOUT_WORK.search(normalised) or job_ask._EMPLOYMENT.search(normalised))


def features(normalised: str) -> list[str]:
    """The features of one normalised sentence (each counted once)."""
    words = normalised.split()
    found = {f"w:{word}" for word in words}
    found.update(f"b:{a} {b}" for a, b in zip(["<s>", *words], [*words, "</s>"], strict=True))
    asked = job_ask._ASKED.search(normalised)
    employment = job_ask._EMPLOYMENT.search(normalised)
    structure = {
        "s:asked": asked,
        "s:employment": employment,
        "s:asked-then-employment": asked and employment and asked.start() < employment.start(),
        "s:negation": job_ask._NEGATION.search(normalised),
        "s:past": job_ask._PAST.search(normalised),
        "s:topic": job_ask._WH_QUESTION.match(normalised),
    }
    found.update(name for name, present in structure.items() if present)
    return sorted(found)


def probability(weights: dict[str, float], bias: float, names: list[str]) -> float:
    score = bias + sum(weights.get(name, 0.0) for name in names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float, float]:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return data["weights"], data["bias"], data["threshold"]


def reads_as_job_ask(normalised: str) -> bool:
    """Whether the model, with its committed weights and threshold, reads the sentence as a
    job ask."""
    if not about_work(normalised):
        return False
    weights, bias, threshold = _model()
    return probability(weights, bias, features(normalised)) >= threshold


def asks_for_job(doc: Doc, context: CheckContext) -> list[Finding]:
    """The rule: every ask the patterns find, quoted; then every sentence the rules left open
    that the model reads as a job ask, quoted whole (the model knows the sentence, not the
    phrase)."""
    blurb = context.kind == "introduction-blurb"  # the student in the third person
    asks, excused = job_ask.read_job_asks(doc.text, third_person=blurb)
    spans = [(ask.start, ask.end) for ask in asks]
    for sentence in open_sentences(doc, spans, excused):
        if reads_as_job_ask(job_ask.normalise(sentence.text, third_person=blurb).text):
            spans.append((sentence.start, sentence.end))
    return [_finding(doc.text, start, end) for start, end in sorted(spans)]


def open_sentences(doc: Doc, spans: list[tuple[int, int]], excused: list[int]) -> list[Sentence]:
    """The sentences the model may read: not one holding an ask the rules found, nor one a
    pattern matched and a guard excused ("forwarding it to your recruitment team" after "I've
    attached my notes"): where the rules have judged a sentence, their reading stands."""
    return [
        sentence
        for sentence in doc.sentences
        if not any(sentence.start <= start < sentence.end for start, _ in spans)
        and not any(sentence.start <= start < sentence.end for start in excused)
    ]


def _finding(text: str, start: int, end: int) -> Finding:
    phrase = " ".join(text[start:end].split())
    return Finding("asks-for-job", "error", f'"{phrase}": {job_ask.MESSAGE}', start, end)
