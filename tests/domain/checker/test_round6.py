"""Round 6: the learned reading of job asks beside the rules, and dev_heldout5's false alarms.

The model (coffeechat/domain/checker/job_model.py, trained by tools/train_job_ask.py) reads a
sentence the rules left open; its finding quotes that sentence with the rule's own message.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from coffeechat.domain.checker import job_model
from coffeechat.domain.checker.job_ask import MESSAGE, job_asks
from tests.domain.checker.helpers import findings

# Job asks in phrasings no pattern reads (the rules alone miss each): the model catches them.
ASKS_ONLY_THE_MODEL_READS = [
    "If your crew is ever a pair of hands short on a weekend build, I'd happily be the one you "
    "call.",
    "I'd be over the moon to get on your team once I've qualified.",
    "Is there any way I could shadow your crew for a paid week in the summer?",
    "Would your studio ever consider a junior for a six-month contract?",
]


@pytest.mark.parametrize("text", ASKS_ONLY_THE_MODEL_READS)
def test_the_model_catches_asks_the_rules_miss_and_quotes_the_sentence(text: str) -> None:
    assert job_asks(text) == []
    [finding] = findings(text, "asks-for-job")
    assert finding.severity == "error"
    assert (finding.start, finding.end) == (0, len(text))
    assert finding.message == f'"{text}": {MESSAGE}'


@pytest.mark.parametrize(
    "text",
    [
        "If you're ever in Glasgow, I'd love to buy you a coffee.",
        "Could you tell me how your team plans its work each week?",
        "I'd love to hear how you got your start at the studio.",
    ],
)
def test_the_model_leaves_questions_about_work_and_sentences_without_work_alone(
    text: str,
) -> None:
    assert findings(text, "asks-for-job") == []


def test_the_model_reads_only_sentences_that_name_work() -> None:
    assert not job_model.about_work("if you are ever in glasgow , i would love to buy you a coffee")
    assert job_model.about_work("i would love to get on your crew")


def test_the_model_does_not_read_a_sentence_the_rules_found_an_ask_in() -> None:
    text = "Could you refer me for the analyst role? I'd be over the moon to get on your team."
    asks = findings(text, "asks-for-job")
    assert [text[f.start : f.end] for f in asks] == [
        "refer me for the analyst role",
        "I'd be over the moon to get on your team.",
    ]


def test_the_committed_weights_are_small_and_the_threshold_a_probability() -> None:
    data = json.loads(job_model.WEIGHTS.read_text(encoding="utf-8"))
    assert 0.5 <= data["threshold"] < 1
    assert 100 < len(data["weights"]) < 5000
    assert data["weights"]["s:employment"] > 0


def _trainer() -> ModuleType:
    path = Path(__file__).resolve().parents[3] / "tools" / "train_job_ask.py"
    spec = importlib.util.spec_from_file_location("train_job_ask", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up by name
    spec.loader.exec_module(module)
    return module


def test_training_learns_the_words_of_the_positive_sentences() -> None:
    trainer = _trainer()
    rows = [(("w:hire", "w:me"), 1), (("w:coffee", "w:me"), 0)] * 20
    weights, bias = trainer.fit(rows)
    assert job_model.probability(weights, bias, ["w:hire", "w:me"]) > 0.8
    assert job_model.probability(weights, bias, ["w:coffee", "w:me"]) < 0.2


def test_training_takes_the_unit_tests_asks_and_look_alikes() -> None:
    messages = _trainer().test_sentences()
    texts = {m.id for m in messages if m.positive}
    assert any("catches_real_asks" in ident for ident in texts)
    assert any(not m.positive for m in messages)


# dev_heldout5's false alarms of the other rules, read in round 6.
@pytest.mark.parametrize(
    ("greeting", "recipient", "mismatch"),
    [
        ("Dear Canon Osei,", "Michael Osei", False),
        ("Dear Ma,", "Funmilayo Adeyemi", False),
        ("Dear Mr./Ms. Okeke,", "Adaora Okeke", False),
        ("Dear Ms. Ma,", "Wei Chen", True),
    ],
)
def test_greeting_titles_of_the_church_and_a_lone_ma_are_not_names(
    greeting: str, recipient: str, mismatch: bool
) -> None:
    text = f"{greeting}\n\nThank you."
    found = findings(text, "greeting-name-mismatch", recipient_name=recipient)
    assert bool(found) is mismatch


@pytest.mark.parametrize(
    "text",
    [
        "I'm <First Name>, a design student at Parsons.",
        "I'm Marta Silva (a final-year veterinary student at the University of Lisbon).",
    ],
)
def test_missing_introduction_reads_a_placeholder_name_and_a_parenthesis(text: str) -> None:
    assert findings(text, "missing-introduction") == []


@pytest.mark.parametrize(
    "text",
    [
        "I ate at Osteria Sette with my family for my birthday.",
        "I visited your timber housing project in Freiburg on a studio trip.",
    ],
)
def test_missing_source_reads_a_visit_or_a_meal(text: str) -> None:
    assert findings(text, "missing-source") == []


@pytest.mark.parametrize(
    "text",
    [
        "Lerato referred me to you, saying you were the best person to ask about GP training.",
        "I read about your restoration of the Laburnum Arch.",
        "I'd like to ask how you assess social returns.",
        "I read your RIAI award citation for the library extension.",
    ],
)
def test_missing_why_you_reads_more_reasons(text: str) -> None:
    assert findings(text, "missing-why-you") == []
