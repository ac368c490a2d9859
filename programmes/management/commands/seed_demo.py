"""manage.py seed_demo: demo accounts for every role (later: demo workshops and plans)."""

from django.core.management.base import BaseCommand, CommandError

from members.demo import DEMO_PASSWORD, seed_demo_people


class Command(BaseCommand):
    help = "Create the demo accounts (and demo data). Safe to run again."

    def handle(self, *args, **options) -> None:
        try:
            report = seed_demo_people()
        except LookupError as error:
            raise CommandError(str(error)) from error
        for email, outcome in report:
            self.stdout.write(f"{outcome:8} {email}")
        self.stdout.write(f"Demo password for every account: {DEMO_PASSWORD}")
