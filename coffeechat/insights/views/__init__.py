"""Insights pages: the overview of a search and the conversation journal."""
