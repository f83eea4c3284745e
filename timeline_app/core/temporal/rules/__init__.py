"""Recognition rules: regular expressions for English time expressions, each with its normaliser.

Every rule is a compiled pattern plus a function that turns a match into a ``Reading`` (type, value,
period, anchor, mod), or None to reject the match. The extent of a time expression is the group named
``t`` when a pattern matches context around it (a preposition, a following noun), else the match.
Rules register in import order, which breaks ties between equally long matches.
"""

from timeline_app.core.temporal.rules import absolute, relative, spans  # noqa: F401  (registers the rules)
from timeline_app.core.temporal.rules.base import RULES, TRIGGER, TRIGGER_WORDS, Context, Reading, Rule

__all__ = ["RULES", "TRIGGER", "TRIGGER_WORDS", "Context", "Reading", "Rule"]
