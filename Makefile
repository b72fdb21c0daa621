# The two commands of the README:
#   make run    set up (first time) and start the app on the bundled course
#   make test   set up (first time) and run the whole test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint install bench screenshots validate gallery

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	@$(BIN)/python -m compileall -q trainer  # bytecode even where PYTHONDONTWRITEBYTECODE is set: faster start
	$(BIN)/trainer $(ARGS)

test: $(STAMP) lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The gates: lint and format (ruff), the layers (import-linter), the types (mypy).
lint: $(STAMP)
	$(BIN)/ruff check trainer tests benchmarks scripts
	$(BIN)/ruff format --check trainer tests benchmarks scripts
	$(BIN)/lint-imports
	$(BIN)/mypy

validate: $(STAMP)
	$(BIN)/trainer validate

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/trainer screenshots screenshots --size 1280x800
	QT_QPA_PLATFORM=offscreen $(BIN)/trainer screenshots screenshots --size 800x600

# The gallery in docs/screenshots/, from real windows under Xvfb (apt-get install xvfb xauth).
gallery: $(STAMP)
	$(BIN)/python scripts/gallery.py

bench: $(STAMP)
	for f in benchmarks/*.py; do $(BIN)/python $$f || exit 1; done
