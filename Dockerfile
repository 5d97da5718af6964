# The production image: gunicorn for web, the same image runs the Celery worker and beat.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

# Dependencies exactly as locked (versions and hashes), then the project without them.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock
COPY pyproject.toml README.md ./
COPY evtracker ./evtracker
RUN pip install --no-deps --no-build-isolation .

COPY manage.py ./
COPY templates ./templates
COPY static ./static
COPY seeds ./seeds
RUN DEBUG=0 SECRET_KEY=build-only-collectstatic python manage.py collectstatic --noinput \
    && useradd --system --home /app evtracker && mkdir -p /app/media /app/state \
    && chown evtracker /app/media /app/state

USER evtracker
EXPOSE 8000
CMD ["gunicorn", "evtracker.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
