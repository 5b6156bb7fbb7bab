# syntax=docker/dockerfile:1
# tracker: the daemon (scheduler + API + web page) in one process (DESIGN §5, §7).
# Build:  docker build -t tracker .
# Run:    docker run -p 8000:8000 -v tracker-data:/data tracker
# With PostgreSQL and a mail catcher: docker compose up (see docker-compose.yml, .env.example).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    TRACKER_DATA_DIR=/data

# The package goes into a root-owned virtualenv so the runtime user can run it but not change it.
RUN python -m venv /opt/venv \
    && groupadd --system --gid 10001 tracker \
    && useradd --system --uid 10001 --gid tracker --home-dir /app --no-create-home --shell /usr/sbin/nologin tracker \
    && mkdir -p /data \
    && chown tracker:tracker /data

WORKDIR /app
COPY . /app
# psycopg[binary] (the postgres extra) ships its own libpq, so no build tools or apt packages are needed.
RUN pip install --upgrade pip && pip install ".[postgres]"

# SQLite file, inbox/ and raw store under the embedded default; the named volume keeps them.
VOLUME ["/data"]
USER tracker
EXPOSE 8000

# No curl in slim: python's urllib. Any non-2xx answer or a refused connection raises, so the exit code is 1.
# /api/v1/health answers 503 when the database is unreachable, so an API that lost its database is unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/v1/health', timeout=4)"]

# The embedded default (scheduler + API in one process); docker-compose.yml runs the roles separately.
CMD ["tracker", "run", "--host", "0.0.0.0", "--port", "8000"]
