# The Customs Expert database moves from members to workshops. Its tables stay as they are here
# (state only) and are renamed in 0007, once members' state no longer holds the models.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0007_generated_document_fields_removed"),
        ("members", "0004_outbox_moved_to_core"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="ExpertiseArea",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=100, unique=True, verbose_name="name")),
                        ("name_fr", models.CharField(blank=True, max_length=100, verbose_name="name in French")),
                    ],
                    options={
                        "verbose_name": "area of expertise",
                        "verbose_name_plural": "areas of expertise",
                        "ordering": ["name"],
                        "db_table": "members_expertisearea",
                    },
                ),
                migrations.CreateModel(
                    name="ExpertProfile",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("speaks_english", models.BooleanField(default=True, verbose_name="works in English")),
                        ("speaks_french", models.BooleanField(default=False, verbose_name="works in French")),
                        ("other_languages", models.CharField(blank=True, max_length=200, verbose_name="other languages")),
                        ("availability", models.CharField(choices=[("available", "Available"), ("limited", "Limited availability"), ("unavailable", "Not available")], default="available", max_length=12, verbose_name="availability")),
                        ("availability_notes", models.CharField(blank=True, max_length=200, verbose_name="availability notes")),
                        ("summary", models.TextField(blank=True, verbose_name="experience")),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("areas", models.ManyToManyField(related_name="experts", to="workshops.expertisearea", verbose_name="areas of expertise")),
                        ("user", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="expert_profile", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "expert profile",
                        "ordering": ["user__name"],
                        "db_table": "members_expertprofile",
                    },
                ),
            ],
        ),
    ]
