# Puentes production image: gunicorn serving the Dash app on the committed data/.
# Build: docker build -t puentes .   Run: docker run -p 8050:8050 puentes
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY app.py ./
COPY dashboard ./dashboard
COPY layouts ./layouts
COPY callbacks ./callbacks
RUN pip install --no-cache-dir --prefix=/install .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 HOST=0.0.0.0 PORT=8050 WORKERS=2 THREADS=4 \
    PUENTES_DATA_DIR=/app/data
RUN useradd --create-home --uid 10001 puentes
COPY --from=build /install /usr/local
WORKDIR /app
COPY --chown=puentes:puentes app.py ./
COPY --chown=puentes:puentes assets ./assets
COPY --chown=puentes:puentes data ./data
USER puentes
EXPOSE 8050
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/map', timeout=4)"
CMD ["sh", "-c", "exec gunicorn --bind ${HOST}:${PORT} --workers ${WORKERS} --threads ${THREADS} --access-logfile - app:server"]
