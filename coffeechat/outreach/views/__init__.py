"""Outreach pages: the composer, messages, templates and settings."""
