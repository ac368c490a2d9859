"""manage.py seed_demo: the demo accounts for every role, the demo workshops and what the
Strategic Plan pages show of them (demo/*.py, one module per part)."""

from django.core.management.base import BaseCommand, CommandError

from demo.people import DEMO_PASSWORD, seed_demo_people
from demo.programmes import seed_demo_programmes
from demo.workshops import seed_demo_workshops


class Command(BaseCommand):
    help = "Create the demo accounts (and demo data). Safe to run again."

    def handle(self, *args, **options) -> None:
        try:
            report = seed_demo_people()
        except LookupError as error:
            raise CommandError(str(error)) from error
        for email, outcome in report:
            self.stdout.write(f"{outcome:8} {email}")
        for title in seed_demo_workshops():
            self.stdout.write(f"workshop {title}")
        self.stdout.write(f"{seed_demo_programmes()} workshops linked to Strategic Plan activities")
        self.stdout.write(f"Demo password for every account: {DEMO_PASSWORD}")
