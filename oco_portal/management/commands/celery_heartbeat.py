"""manage.py celery_heartbeat worker|beat: exits 0 when the process answered recently (the
container health check of the beat service; /healthz shows the same)."""

from django.core.management.base import BaseCommand, CommandError

from oco_portal import heartbeat


class Command(BaseCommand):
    help = "Exit 0 when a worker answered, or beat ran, within the last three minutes."

    def add_arguments(self, parser) -> None:
        parser.add_argument("process", choices=sorted(heartbeat.KEYS))

    def handle(self, *args, process: str, **options) -> None:
        state = heartbeat.status().get(process)
        if state is None:
            raise CommandError("Tasks run in-process here (no REDIS_URL): there is no Celery.")
        if not state["recent"]:
            seen = state[heartbeat.LABELS[process]] or "never"
            raise CommandError(f"No {process} heartbeat in the last three minutes (last: {seen}).")
        self.stdout.write(f"{process}: {state['seconds_ago']} s ago")
