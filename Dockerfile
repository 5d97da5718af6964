# The production image: gunicorn for web, the same image runs the Celery worker and beat.
FROM python:3.13-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY evtracker ./evtracker
RUN pip install .

COPY manage.py ./
COPY templates ./templates
COPY static ./static
COPY seeds ./seeds
RUN DEBUG=0 SECRET_KEY=build-only-collectstatic python manage.py collectstatic --noinput \
    && useradd --system --home /app evtracker && mkdir -p /app/media && chown evtracker /app/media

USER evtracker
EXPOSE 8000
CMD ["gunicorn", "evtracker.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3"]
