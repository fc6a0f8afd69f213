"""Pages for the conversation: question bank, prep sheet and agenda, live mode, reflection."""
