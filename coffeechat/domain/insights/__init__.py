"""Insights: the picture of a search, from plain data. Nothing here imports Django.

Public API:
    median, rate, step_gaps, week_starts                              (stats)
    Note, Phrase, phrases_in, recurring_phrases, STOP_WORDS           (phrases)
    Person, PlacedPerson, Edge, TreeLayout, layout, first_people      (tree)
    Bar, horizontal_bars, bars_height, grouped_columns                         (charts)
    JournalEntry, AgendaNote, ResourceNote, FollowUp, render_markdown (journal)
"""

from coffeechat.domain.insights.charts import Bar, bars_height, grouped_columns, horizontal_bars
from coffeechat.domain.insights.journal import (
    AgendaNote,
    FollowUp,
    JournalEntry,
    ResourceNote,
    long_date,
    render_markdown,
)
from coffeechat.domain.insights.phrases import (
    STOP_WORDS,
    Note,
    Phrase,
    phrases_in,
    recurring_phrases,
)
from coffeechat.domain.insights.stats import median, rate, step_gaps, week_starts
from coffeechat.domain.insights.tree import (
    Edge,
    Person,
    PlacedPerson,
    TreeLayout,
    first_people,
    layout,
)

__all__ = [
    "STOP_WORDS",
    "AgendaNote",
    "Bar",
    "Edge",
    "FollowUp",
    "JournalEntry",
    "Note",
    "Person",
    "Phrase",
    "PlacedPerson",
    "ResourceNote",
    "TreeLayout",
    "bars_height",
    "first_people",
    "grouped_columns",
    "horizontal_bars",
    "layout",
    "long_date",
    "median",
    "phrases_in",
    "rate",
    "recurring_phrases",
    "render_markdown",
    "step_gaps",
    "week_starts",
]
