"""The Customs Expert database moved from members to workshops with its rows: a database of
the old schema, holding areas, profiles and the links between them, keeps them all."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from workshops.models import ExpertiseArea, ExpertProfile

BEFORE = [("workshops", "0005_outbox_in_core"), ("members", "0004_outbox_moved_to_core")]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def _latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_areas_profiles_and_their_links_survive_the_move():
    latest = _latest()
    try:
        old = _migrate(BEFORE).loader.project_state(BEFORE).apps
        user_model = old.get_model("members", "User")
        area_model = old.get_model("members", "ExpertiseArea")
        profile_model = old.get_model("members", "ExpertProfile")
        expert = user_model.objects.create(email="aroha@example.org", name="Aroha Ngata")
        risk = area_model.objects.create(name="Risk management", name_fr="Gestion des risques")
        audit = area_model.objects.create(name="Audit")
        profile = profile_model.objects.create(
            user=expert, speaks_french=True, availability="limited", summary="Twenty years."
        )
        profile.areas.set([risk, audit])
    finally:
        _migrate(latest)

    moved = ExpertProfile.objects.get(pk=profile.pk)
    assert (moved.user_id, moved.summary, moved.availability) == (
        expert.pk,
        "Twenty years.",
        "limited",
    )
    assert moved.speaks_french is True
    assert sorted(area.name for area in moved.areas.all()) == ["Audit", "Risk management"]
    assert ExpertiseArea.objects.get(pk=risk.pk).name_fr == "Gestion des risques"
    assert ExpertProfile._meta.db_table == "workshops_expertprofile"
    tables = connection.introspection.table_names()
    assert "workshops_expertprofile_areas" in tables
    assert not [name for name in tables if name.startswith("members_expert")]
    new_area = ExpertiseArea.objects.create(name="Rules of origin")
    assert new_area.pk > audit.pk
