# The Customs Expert database now belongs to workshops (workshops.0006 took over the tables;
# workshops.0007 renames them).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_outbox_moved_to_core"),
        ("workshops", "0008_experts_from_members"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="ExpertProfile"),
                migrations.DeleteModel(name="ExpertiseArea"),
            ],
        ),
    ]
