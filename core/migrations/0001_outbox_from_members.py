# The outbox moves from members to core. Its tables stay as they are here (state only) and are
# renamed in 0002, once no other app's state points at members' models any more.

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("members", "0003_outgoing_attachments"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="OutgoingEmail",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("message_id", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ("recipient", models.EmailField(max_length=254, verbose_name="recipient")),
                        ("subject", models.CharField(max_length=300, verbose_name="subject")),
                        ("template", models.CharField(max_length=200, verbose_name="template")),
                        ("language", models.CharField(default="en", max_length=5, verbose_name="language")),
                        ("body_text", models.TextField()),
                        ("body_html", models.TextField(blank=True)),
                        ("status", models.CharField(choices=[("queued", "Queued"), ("sending", "Sending"), ("sent", "Sent"), ("failed", "Failed")], db_index=True, default="queued", max_length=10, verbose_name="status")),
                        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                        ("last_error", models.TextField(blank=True, verbose_name="last error")),
                        ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="queued at")),
                        ("claimed_at", models.DateTimeField(blank=True, null=True)),
                        ("next_attempt_at", models.DateTimeField(blank=True, null=True)),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent at")),
                        ("failed_at", models.DateTimeField(blank=True, null=True)),
                        ("recipient_user", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "outgoing e-mail",
                        "verbose_name_plural": "outbox",
                        "ordering": ["-created_at", "-id"],
                        "db_table": "members_outgoingemail",
                        "indexes": [models.Index(fields=["status", "created_at"], name="members_out_status_74a18d_idx")],
                    },
                ),
                migrations.CreateModel(
                    name="OutgoingAttachment",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("filename", models.CharField(max_length=200)),
                        ("content_type", models.CharField(max_length=100)),
                        ("content", models.BinaryField()),
                        ("email", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="attachments", to="core.outgoingemail")),
                    ],
                    options={"verbose_name": "attachment", "db_table": "members_outgoingattachment"},
                ),
            ],
        ),
    ]
