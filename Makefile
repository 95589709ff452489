# Puentes — two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8050
WORKERS ?= 2
THREADS ?= 4

.PHONY: run test lint format data install install-test browsers bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[etl,test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## Serve the app on the bundled data at http://$(HOST):$(PORT) with gunicorn.
run: install
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn --bind $(HOST):$(PORT) --workers $(WORKERS) \
	  --threads $(THREADS) --access-logfile - app:server

## Rebuild data/ from ../shared/data-raw (override with RAW_DIR=...).
data: install-test
	$(BIN)/python -m dashboard.etl $(if $(RAW_DIR),--raw-dir $(RAW_DIR))

## Debian chromium + chromium-driver for the browser tests, installed only if missing.
browsers:
	@if ! command -v chromedriver >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then \
	  echo "Installing Debian chromium and chromium-driver..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; \
	fi

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## The whole suite: lint, unit, ETL, data spot checks and browser tests.
test: install-test browsers lint
	$(BIN)/pytest

## Bytes, server and browser time per map interaction, beside a naive implementation.
bench: install-test browsers
	$(BIN)/python bench/map_interactions.py
	$(BIN)/python bench/corridor_interactions.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
