# The outbox's tables take core's names, after every app's state points at core's models.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_outbox_from_members'),
        ('members', '0004_outbox_moved_to_core'),
    ]

    operations = [
        migrations.RenameIndex(
            model_name='outgoingemail',
            new_name='core_outgoi_status_a12fb7_idx',
            old_name='members_out_status_74a18d_idx',
        ),
        migrations.AlterModelTable(
            name='outgoingattachment',
            table=None,
        ),
        migrations.AlterModelTable(
            name='outgoingemail',
            table=None,
        ),
    ]
