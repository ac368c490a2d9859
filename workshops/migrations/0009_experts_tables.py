# The Customs Expert database's tables (and the profile's table of areas) take workshops' names,
# after members' state no longer holds the models.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0008_experts_from_members"),
        ("members", "0005_experts_moved_to_workshops"),
    ]

    operations = [
        migrations.AlterModelTable(name="expertisearea", table=None),
        migrations.AlterModelTable(name="expertprofile", table=None),
    ]
