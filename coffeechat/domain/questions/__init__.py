"""Questions for an informational interview: the built-in bank, filling blanks, spotting
yes/no questions, fitting an agenda to the agreed length, and reflection prompts.

Public API:
    Question, CATEGORIES, TIARA_TAGS, PRIORITIES, CLOSERS, ENDING_KEYS,
    REFERRAL_ASK_KEY, POSITION_KEY, STAY_IN_TOUCH_KEY                           (model)
    BUILTIN_QUESTIONS, builtin_question(key)                                      (bank)
    fill(text, *, field, organization, role), blanks_in(text), BLANKS            (blanks)
    check_question(text) -> list[Finding], is_open(text)                         (closed)
    plan(questions, minutes, context) -> Agenda, PlanContext, Agenda, AgendaItem,
    AgendaNote, question_count_range(minutes)                                     (planner)
    REFLECTION_PROMPTS                                                            (reflection)
"""

from coffeechat.domain.questions.bank import BUILTIN_QUESTIONS, builtin_question
from coffeechat.domain.questions.blanks import BLANKS, blanks_in, fill
from coffeechat.domain.questions.closed import check_question, is_open
from coffeechat.domain.questions.model import (
    CATEGORIES,
    CLOSERS,
    ENDING_KEYS,
    POSITION_KEY,
    PRIORITIES,
    REFERRAL_ASK_KEY,
    STAY_IN_TOUCH_KEY,
    TIARA_TAGS,
    Category,
    Closer,
    Question,
    Tiara,
)
from coffeechat.domain.questions.planner import (
    Agenda,
    AgendaItem,
    AgendaNote,
    PlanContext,
    plan,
    question_count_range,
)
from coffeechat.domain.questions.reflection import REFLECTION_PROMPTS

__all__ = [
    "BLANKS",
    "BUILTIN_QUESTIONS",
    "CATEGORIES",
    "CLOSERS",
    "ENDING_KEYS",
    "POSITION_KEY",
    "PRIORITIES",
    "REFERRAL_ASK_KEY",
    "REFLECTION_PROMPTS",
    "STAY_IN_TOUCH_KEY",
    "TIARA_TAGS",
    "Agenda",
    "AgendaItem",
    "AgendaNote",
    "Category",
    "Closer",
    "PlanContext",
    "Question",
    "Tiara",
    "blanks_in",
    "builtin_question",
    "check_question",
    "fill",
    "is_open",
    "plan",
    "question_count_range",
]
