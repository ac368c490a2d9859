# The outbox now belongs to core (core.0001 took over the tables; core.0002 renames them).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_outgoing_attachments"),
        ("core", "0001_outbox_from_members"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="OutgoingAttachment"),
                migrations.DeleteModel(name="OutgoingEmail"),
            ],
        ),
    ]
