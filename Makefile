.PHONY: run test lint format
run:
	python3 dev.py run
test:
	python3 dev.py test
lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy coffeechat tests dev.py
format:
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .
