# Puentes production image: gunicorn serving the Dash app on the committed, verified data/.
# Build: docker build -t puentes .   Run: docker run -p 8050:8050 puentes
# Settings come from the environment (README, Configuration); tests/production/test_image.py
# replays the install and start steps below in a fresh virtual environment.

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY requirements.lock pyproject.toml README.md app.py ./
COPY dashboard ./dashboard
COPY layouts ./layouts
COPY callbacks ./callbacks
COPY server ./server
# Runtime dependencies only, at the locked versions; then Puentes itself without resolving again.
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir -r requirements.lock \
    && /opt/venv/bin/pip install --no-cache-dir --no-deps .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH \
    HOST=0.0.0.0 PORT=8050 WORKERS=2 THREADS=4 LOG_LEVEL=info CACHE_URL="" \
    PUENTES_DATA_DIR=/app/data
# Chromium draws the PNG/SVG exports and the briefing's slides (kaleido, offline) and prints the
# briefing PDF; DejaVu Sans is the font the deck measures its text with (dashboard/slide_layout.py).
# Debian's packages track security updates, so they are not pinned to one version.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
ENV BROWSER_PATH=/usr/bin/chromium
RUN groupadd --gid 10001 puentes \
    && useradd --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin puentes
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
# Owned by root, read-only for the server's user: a compromised worker cannot rewrite the data.
COPY app.py gunicorn.conf.py ./
COPY assets ./assets
COPY data ./data
USER 10001:10001
EXPOSE 8050
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ['PORT'], timeout=4)"]
CMD ["gunicorn", "-c", "gunicorn.conf.py", "app:create_server()"]
