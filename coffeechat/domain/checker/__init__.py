"""The outreach message checker: text and context in, findings out. Pure; no I/O, no clock.

from coffeechat.domain.checker import CheckContext, check
findings = check(body, CheckContext(kind="request", channel="email", subject="Advice?"))
"""

from coffeechat.domain.checker.context import CHANNELS, KINDS, Channel, CheckContext, Kind
from coffeechat.domain.checker.engine import RULE_IDS, check
from coffeechat.domain.checker.rulesets import DEFAULT_RULE_SET, RULE_SETS, RuleSet
from coffeechat.domain.checker.text import word_count

__all__ = [
    "CHANNELS",
    "DEFAULT_RULE_SET",
    "KINDS",
    "RULE_IDS",
    "RULE_SETS",
    "Channel",
    "CheckContext",
    "Kind",
    "RuleSet",
    "check",
    "word_count",
]
