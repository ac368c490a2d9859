# Links to the outbox now point at core's model: the same tables, so only the state changes.

import django.db.models.deletion
from django.db import migrations, models


def _to_core_outbox(model_name: str) -> migrations.AlterField:
    return migrations.AlterField(
        model_name=model_name,
        name="outgoing_email",
        field=models.ForeignKey(
            blank=True,
            null=True,
            on_delete=django.db.models.deletion.SET_NULL,
            related_name="+",
            to="core.outgoingemail",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0004_attendance"),
        ("core", "0001_outbox_from_members"),
    ]
    run_before = [("members", "0004_outbox_moved_to_core")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                _to_core_outbox("invitation"),
                _to_core_outbox("certificate"),
                _to_core_outbox("evaluationrequest"),
            ],
        ),
    ]
