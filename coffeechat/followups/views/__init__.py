"""Follow-up pages: Today, meetings, and the calendar feed."""
