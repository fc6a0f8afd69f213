"""Insights: the picture of a search, from plain data. Nothing here imports Django.

Public API:
    median, rate, step_gaps, week_starts                              (stats)
    Note, Phrase, phrases_in, recurring_phrases, STOP_WORDS           (phrases)
    Person, PlacedPerson, TreeLayout, Branch, layout, first_people     (tree)
    ColumnChart, Column, Segment, Tick, AxisLabel, stacked_columns,
    FunnelRow, funnel_rows, funnel_height, nice_step, nice_ticks       (charts)
    JournalEntry, AgendaNote, ResourceNote, FollowUp, render_markdown (journal)
"""

from coffeechat.domain.insights.charts import (
    AxisLabel,
    Column,
    ColumnChart,
    FunnelRow,
    Segment,
    Tick,
    funnel_height,
    funnel_rows,
    nice_step,
    nice_ticks,
    stacked_columns,
)
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
    Branch,
    Person,
    PlacedPerson,
    TreeLayout,
    first_people,
    layout,
)

__all__ = [
    "STOP_WORDS",
    "AgendaNote",
    "AxisLabel",
    "Branch",
    "Column",
    "ColumnChart",
    "FollowUp",
    "FunnelRow",
    "JournalEntry",
    "Note",
    "Person",
    "Phrase",
    "PlacedPerson",
    "ResourceNote",
    "Segment",
    "Tick",
    "TreeLayout",
    "first_people",
    "funnel_height",
    "funnel_rows",
    "layout",
    "long_date",
    "median",
    "nice_step",
    "nice_ticks",
    "phrases_in",
    "rate",
    "recurring_phrases",
    "render_markdown",
    "stacked_columns",
    "step_gaps",
    "week_starts",
]
