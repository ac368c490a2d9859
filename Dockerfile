# The portal's image, shared by the release step, web (gunicorn), worker and beat services of
# compose.yaml: slim Debian with Python 3.13, the libraries WeasyPrint needs (Pango, HarfBuzz)
# and a font, PostgreSQL's client tools (manage.py backup and restore), the runtime packages of
# requirements.txt only, and a non-root user. The compiled translations are committed, so no
# gettext; no compiler either (every package installs from a wheel).
# Not built on the development machines, which have no container engine (README.md).
FROM python:3.13-slim-trixie

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
        postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN python -m venv "$VIRTUAL_ENV"
COPY requirements.txt /tmp/requirements.txt
RUN pip install --requirement /tmp/requirements.txt && rm /tmp/requirements.txt

RUN groupadd --system --gid 10001 oco \
    && useradd --system --uid 10001 --gid oco --home-dir /app --shell /usr/sbin/nologin oco

WORKDIR /app
COPY . /app
# Static files are collected into the image; the placeholders below exist only for this step.
# The code stays root's (read-only to the portal); var/ (uploads, backups) is the portal's.
RUN DJANGO_ENV=production ALLOWED_HOSTS=build.invalid \
        SECRET_KEY=build-only-placeholder-never-used-to-serve-0123456789abcdefghij \
        python manage.py collectstatic --no-input \
    && mkdir -p var/media var/backups \
    && chown -R oco:oco var

ENV DJANGO_ENV=production \
    HOST=0.0.0.0 \
    PORT=8000

USER oco
EXPOSE 8000
CMD ["gunicorn", "--config", "gunicorn.conf.py", "oco_portal.wsgi"]
