# Puentes — two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8050
WORKERS ?= 2
THREADS ?= 4

.PHONY: run test lint format data install install-test browsers redis nginx audit lock bench lighthouse load clean
LOCK   := requirements.lock
# DejaVu Sans, which the briefing's slides measure their text with (dashboard/slide_layout.py).
FONTS  := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/dejavu/DejaVuSans.ttf

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Runtime dependencies at the versions of $(LOCK) (the Dockerfile installs the same); tools unpinned.
$(VENV)/.installed: pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet -c $(LOCK) -e .
	touch $@

# The test tools install beside the locked runtime, with every pin of $(LOCK) but those in
# TEST_UNPINNED: selenium 4.2 (the newest dash[testing] allows) needs urllib3 1.26, which the runtime
# lock leaves behind for 2.x (known vulnerabilities); so the browser tests run with urllib3 1.26.
TEST_UNPINNED := urllib3
$(VENV)/.installed-test: pyproject.toml $(LOCK) | $(BIN)/python
	grep -viE '^($(subst $(eval) ,|,$(TEST_UNPINNED)))==' $(LOCK) > $(VENV)/constraints-test.txt
	$(BIN)/pip install --quiet -c $(VENV)/constraints-test.txt -e '.[etl,test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## Serve the app on the bundled data at http://$(HOST):$(PORT) with gunicorn. Exports (images, slides,
## PDF) need Chromium and the DejaVu fonts: if either is missing, one line says so (`make browsers`
## installs them) and the pages are served all the same.
run: install
	@CHROMIUM="$${BROWSER_PATH:-$$(command -v chromium || command -v chromium-browser)}"; MISSING=""; \
	[ -x "$$CHROMIUM" ] || MISSING="Chromium"; \
	ls $(FONTS) 2>/dev/null | grep -q . || MISSING="$${MISSING:+$$MISSING and }fonts-dejavu-core"; \
	[ -z "$$MISSING" ] || echo "make run: exports (images, slides, PDF) need $$MISSING, not found here: run \`make browsers\`; the pages work without them"
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) THREADS=$(THREADS) $(BIN)/gunicorn -c gunicorn.conf.py 'app:create_server()'

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
	@if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
	  echo "Installing Debian fonts-dejavu-core (the briefing's slides measure their text with it)..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq fonts-dejavu-core; \
	fi

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile

## Debian redis-server for the shared-cache tests, installed only if missing (skipped if that fails).
redis:
	@if ! command -v redis-server >/dev/null 2>&1; then \
	  echo "Installing Debian redis-server..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq redis-server ) \
	    || echo "warning: redis-server not installed; the Redis cache tests will be skipped"; \
	fi

## Debian nginx for the stack test (deploy/nginx.conf on the host), installed only if missing.
nginx:
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then \
	  echo "Installing Debian nginx..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx ) \
	    || echo "warning: nginx not installed; the stack test will be skipped"; \
	fi

## Known vulnerabilities in the locked runtime set; only a warning when the index cannot be reached.
audit: install-test
	$(BIN)/python scripts/audit_dependencies.py $(LOCK)

## Re-lock the runtime dependencies into $(LOCK): pyproject's [project] dependencies alone, resolved
## by pip in a fresh temporary virtual environment (needs the package index).
lock: | $(BIN)/python
	$(BIN)/python scripts/lock_requirements.py

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

## The whole suite: lint, unit, ETL, data spot checks and browser tests.
test: install-test browsers redis nginx lint audit
	$(BIN)/pytest

## One table (bench/report.py, about 5 minutes): Puentes beside a naive Dash app serving the same
## figures, uncompressed and compressed, in one interleaved run in headless Chromium: repaint and first
## paint, bytes per change both ways with headers, first and repeat visits, server time per callback
## type (answer cache off), start-up and RSS per worker, with issue 17's targets. bench/results/bench.txt.
bench: install-test browsers
	$(BIN)/python bench/report.py

## Lighthouse scores of every page, desktop and mobile /map (bench/results/lighthouse.txt). Needs the
## npm package, installed once beside the script (never a browser download; the system Chromium):
## PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix bench --no-save --no-package-lock lighthouse@12
lighthouse: install browsers
	@[ -x bench/node_modules/.bin/lighthouse ] || command -v lighthouse >/dev/null || { \
	  echo "make lighthouse: run 'PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix bench --no-save --no-package-lock lighthouse@12' first"; exit 1; }
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(BIN)/python bench/lighthouse.py

## 200 concurrent users for 60 s against gunicorn on 127.0.0.1 (bounded; loopback only).
load: install-test
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
