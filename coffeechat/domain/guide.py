"""The Guide: the method of docs/method.md in plain words, one section per step and per checker
rule. The Guide page renders this; docs/method.md carries the same text (`as_markdown`,
written there by tools/guide_docs.py and kept current by a test).

The numbers come from the defaults they describe (RuleSettings, the career-office rule set, the
draft defaults), so the Guide can't drift from what the product does.
"""

from __future__ import annotations

from dataclasses import dataclass

from coffeechat.domain.checker.rulesets import DEFAULT_RULE_SET, RULE_SETS
from coffeechat.domain.drafts.context import DEFAULT_LINKEDIN_CHAR_LIMIT, DEFAULT_MINUTES
from coffeechat.domain.followups.rule_settings import RuleSettings

_T = RuleSettings()  # the timing defaults (docs/method.md §2)
_R = DEFAULT_RULE_SET  # the career-office thresholds (docs/method.md §3)
_SHORT = RULE_SETS["2hjs-5"].max_words
_SHORTER = RULE_SETS["2hjs-6"].max_words


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the method: what to do (with the numbers that matter) and why."""

    id: str
    title: str
    summary: str
    points: tuple[str, ...]
    why: str


@dataclass(frozen=True, slots=True)
class RuleNote:
    """One checker rule: why it matters and how to put it right."""

    rule: str
    title: str
    why: str
    fix: str

    @property
    def id(self) -> str:
        return f"rule-{self.rule}"


INTRO = (
    "An informational interview is a short conversation with someone who does work you are "
    "curious about: you ask how they got there and what they would advise. You are asking for "
    "their story and their advice, never for a job, and most people enjoy being asked. These "
    "steps follow the guides of university career offices and The 2-Hour Job Search by Steve "
    "Dalton."
)

STEPS: tuple[Step, ...] = (
    Step(
        id="find-people",
        title="Find people to talk to",
        summary="Start with people who already have a reason to help you.",
        points=(
            "Alumni of your school, people a friend, teacher or colleague suggests, and speakers "
            "you have heard are the warmest places to start.",
            "Note how you found each person: it changes what your first note says.",
            "Rank the organizations you are curious about by whether you know someone there, how "
            "much you want to work there, and whether they hire in your field, then start with "
            f"your shortlist and the top {_T.shortlist_top_n}.",
            f"Plan to hear from at least {_T.min_perspectives} people in each field before you "
            "draw conclusions.",
        ),
        why="One or two voices can mislead you, and a person you share something with is far "
        "more likely to say yes to a stranger's note.",
    ),
    Step(
        id="ask",
        title="Ask for a short conversation",
        summary="A brief, friendly note that is easy to say yes to.",
        points=(
            "Say who you are, how you found them, and why them in particular.",
            f"Ask for their story and advice, for about {DEFAULT_MINUTES} minutes (15 to 30 is "
            "usual), at a time and in a way that suits them: in person, by phone or by video.",
            "Never ask for a job, an internship or a referral to one.",
            "Say when you will follow up, and give an e-mail a clear subject line.",
            f"Keep it under {_R.max_words} words ({_SHORT} or {_SHORTER} in the 2-Hour Job "
            f"Search styles); a LinkedIn invitation note fits in {DEFAULT_LINKEDIN_CHAR_LIMIT} "
            "characters.",
        ),
        why="A busy stranger decides in seconds. Asking for advice is a small favour most "
        "people enjoy; asking for a job turns it into an application they have to judge.",
    ),
    Step(
        id="follow-up",
        title="Follow up when it's quiet",
        summary="Silence usually means busy, not no.",
        points=(
            f"No answer after {_T.follow_up_business_days} business days? Send a short, friendly "
            "nudge.",
            f"Send at most {_T.max_follow_ups} follow-ups, then let it rest.",
            f"If the first person at an organization hasn't replied after "
            f"{_T.try_another_business_days} business days, write to a second person there too.",
            "If someone says no, thank them warmly and leave the door open: no is an answer, "
            "and a kind reply is remembered.",
        ),
        why="The next move is always yours: people mean to reply and forget. Working two doors "
        "at once keeps a quiet inbox from stalling you (the 3B7 routine of The 2-Hour Job "
        "Search).",
    ),
    Step(
        id="schedule",
        title="Agree a time",
        summary="When they say yes, make the rest easy for them.",
        points=(
            "When a reply comes in, note how they answered (yes, some times, no, or someone "
            "else to ask): it takes a few seconds and decides the next step.",
            f"Reply within {_T.schedule_business_days} business day and offer a couple of times.",
            "Confirm the date, time zone, length, and whether you'll meet in person, by phone or "
            "by video.",
        ),
        why="A yes is freshest on the day it arrives, and a clear plan saves them any back "
        "and forth.",
    ),
    Step(
        id="prepare",
        title="Prepare your questions",
        summary="Do your homework so the time goes on what only they can tell you.",
        points=(
            f"Start {_T.prepare_days} days before: read about them and their organization.",
            "Plan on 2 to 3 minutes a question: about 5 to 10 questions for 20 minutes. Put the "
            "ones you care about most first.",
            "For an in-person meeting, arrive 10 to 15 minutes early.",
        ),
        why="Good questions show you value their time, and ranking them means that if time "
        "runs short you lose the least.",
    ),
    Step(
        id="conversation",
        title="Have the conversation",
        summary="Listen more than you talk, and keep to time.",
        points=(
            "Thank them, and say again why you wanted to talk to them in particular.",
            "Ask open questions (how, what, tell me about) and take notes.",
            "Keep to the agreed length: it is a promise.",
            "Close with two questions: what would they do in your place, and whom else should "
            "you talk to? Ask whether you may mention their name.",
            "Don't bring up jobs. If there are openings, let them raise it.",
        ),
        why="Open questions get stories, and stories hold the useful advice. Ending on time "
        "makes them glad they said yes.",
    ),
    Step(
        id="thank-you",
        title="Say thank you",
        summary="A short, specific thank-you, soon.",
        points=(
            f"Send it within {_T.thank_you_hours} hours of the conversation.",
            "Name one piece of advice that helped, what you'll do with it, and your next step.",
        ),
        why="It shows you valued their time while they still remember you, and naming their "
        "advice shows you listened.",
    ),
    Step(
        id="referrals",
        title="Follow the names they gave you",
        summary="Each person they suggest is a warm introduction.",
        points=(
            f"Get in touch with each one within {_T.referral_days} days, and mention early on who "
            "suggested them (if they said you may).",
            f"About {_T.close_loop_days} days after you meet that person, tell the one who "
            "suggested them how it went.",
        ),
        why="A warm introduction cools quickly, and people like to know their help mattered.",
    ),
    Step(
        id="reflect",
        title="Reflect the same day",
        summary="Write down what you learned while it is fresh.",
        points=(
            "What did you learn, what appealed to you, what worries you now?",
            "How does it fit your interests, strengths and values? What do you still need to "
            "find out, and whom will you contact next?",
        ),
        why="Notes written that evening keep details that are gone a week later, and they "
        "make your next conversation better.",
    ),
    Step(
        id="keep-in-touch",
        title="Keep in touch",
        summary="A conversation can become a relationship.",
        points=(
            f"Connect on LinkedIn about {_T.connect_days} days later, with a personal line about "
            "your conversation.",
            f"Every {_T.keep_in_touch_days} days or so, send a short update on how their advice "
            "played out. Any contact in between resets the clock.",
        ),
        why="Relationships fade without contact. A specific, personal update is welcome; a "
        "mass mailing is not.",
    ),
)

RULE_NOTES: tuple[RuleNote, ...] = (
    RuleNote(
        "asks-for-job",
        "It asks for a job",
        "Asking for a job, an internship or a referral turns a friendly favour into an "
        "application they have to judge. People say yes to advice.",
        "Ask for their story and advice instead. If there are openings, they will mention them.",
    ),
    RuleNote(
        "missing-referral",
        "The person who suggested them isn't named",
        "A shared contact is the strongest reason a stranger replies.",
        "Name the person who suggested them, as long as that person is happy to be named.",
    ),
    RuleNote(
        "referral-late",
        "The shared contact comes too late",
        "Readers skim; a familiar name near the top gets the rest read.",
        "Move the name of the person who suggested them into your first two sentences.",
    ),
    RuleNote(
        "missing-source",
        "It doesn't say how you found them",
        "Saying how you came across them shows you chose them on purpose.",
        "Add a line such as the alumni group, a talk of theirs, or an article you read.",
    ),
    RuleNote(
        "missing-introduction",
        "It doesn't say who you are",
        "People help someone they can picture.",
        "Add your name and your school and programme, or your current role.",
    ),
    RuleNote(
        "missing-why-you",
        "It doesn't say why them",
        "Their story should be the one you want to hear, and saying why makes that clear.",
        "Mention something about their work, role, organization or path that drew you to them.",
    ),
    RuleNote(
        "missing-time-request",
        "It doesn't say how long",
        "A small, definite ask fits into a busy week.",
        f"Ask for a set length, such as {DEFAULT_MINUTES} minutes.",
    ),
    RuleNote(
        "time-request-long",
        "It asks for a lot of time",
        "First conversations usually run 15 to 30 minutes, and a long ask is easy to put off.",
        f"Ask for {_R.long_minutes} minutes or less; more can come later if they offer.",
    ),
    RuleNote(
        "missing-question",
        "It doesn't ask anything",
        "A question is easy to answer and leaves the choice with them.",
        "End with a simple question, such as whether they'd have time in the next few weeks.",
    ),
    RuleNote(
        "missing-follow-up-plan",
        "It doesn't say what happens next",
        "Saying when you'll follow up keeps the next step with you, not with a busy reader.",
        "Add a line such as that you'll follow up next week if now isn't a good time.",
    ),
    RuleNote(
        "missing-subject",
        "There is no subject line",
        "E-mail without a subject is easy to skip and often filtered.",
        "Add a short subject that says what you're asking, such as a request for advice.",
    ),
    RuleNote(
        "too-long",
        "It is longer than it needs to be",
        "A note that fits on a phone screen gets read.",
        f"Keep it under {_R.max_words} words ({_SHORT} or {_SHORTER} in the 2-Hour Job "
        "Search styles): cut background they don't need yet.",
    ),
    RuleNote(
        "over-char-limit",
        "It is too long for LinkedIn",
        f"LinkedIn cuts invitation notes at {DEFAULT_LINKEDIN_CHAR_LIMIT} characters, so the "
        "end would be lost.",
        "Trim it to who you are, why them, and your question.",
    ),
    RuleNote(
        "placeholder",
        "A blank is left to fill in",
        "A leftover blank such as [Name] shows a template.",
        "Replace each blank with the real words, or remove it.",
    ),
    RuleNote(
        "spelling",
        "A word may be misspelt",
        "A clean note reads as careful.",
        "Check the marked word; if it is a name or a term of your field, it's fine.",
    ),
    RuleNote(
        "thank-you-not-specific",
        "The thank-you is general",
        "Naming the advice you'll act on shows you listened.",
        "Mention one thing they said and what you'll do with it.",
    ),
    RuleNote(
        "thank-you-late",
        "The thank-you is late",
        f"A note within {_R.thank_you_within_hours} hours keeps you in mind while they "
        "still remember the conversation.",
        "Send it anyway: a late thank-you is far better than none.",
    ),
    RuleNote(
        "about-you-share",
        "It is more about you than them",
        "Notes about the reader get answered.",
        "Turn a sentence or two about yourself into one about them and their work.",
    ),
    RuleNote(
        "mass-message",
        "It reads like a form letter",
        "People can tell when a note went to many others.",
        "Add something that only fits this person: their work, a talk, who suggested them.",
    ),
    RuleNote(
        "greeting-name-mismatch",
        "The greeting has the wrong name",
        "A wrong name is the one slip a reader never overlooks.",
        "Check the greeting against their name, spelling and all.",
    ),
)

# Which step each of Today's actions belongs to.
ACTION_SECTIONS: dict[str, str] = {
    "send-request": "ask",
    "try-another-contact": "follow-up",
    "follow-up": "follow-up",
    "note-reply": "schedule",
    "schedule": "schedule",
    "prepare": "prepare",
    "thank-you": "thank-you",
    "reflect": "reflect",
    "contact-referral": "referrals",
    "forward-introduction": "referrals",
    "close-the-loop": "referrals",
    "thank-for-answer": "follow-up",
    "connect": "keep-in-touch",
    "keep-in-touch": "keep-in-touch",
    "broaden": "find-people",
}
SECTION_IDS: frozenset[str] = frozenset(
    [step.id for step in STEPS] + [note.id for note in RULE_NOTES]
)


def section_for_action(kind: str) -> str | None:
    """The section of the Guide that explains one of Today's actions; None if unknown."""
    return ACTION_SECTIONS.get(kind)


def section_for_rule(rule_id: str) -> str | None:
    """The section of the Guide about one checker rule; None if there is no such rule."""
    section = f"rule-{rule_id}"
    return section if section in SECTION_IDS else None


def as_markdown() -> str:
    """The Guide as Markdown, for docs/method.md."""
    lines = [
        "## 6. The Guide, step by step",
        "",
        "The Guide page (`/guide/`) shows the method in the product, in these words. This "
        "section is written by `tools/guide_docs.py` from `coffeechat/domain/guide.py`; edit "
        "that file, then run the tool.",
        "",
        INTRO,
        "",
    ]
    for step in STEPS:
        lines += [f"### {step.title}", "", f"{step.summary}", ""]
        lines += [f"- {point}" for point in step.points]
        lines += ["", f"**Why.** {step.why}", ""]
    lines += ["### What the checker looks for", ""]
    for note in RULE_NOTES:
        lines += [f"- **{note.title}** (`{note.rule}`). {note.why} *Fix:* {note.fix}"]
    return "\n".join(lines) + "\n"
