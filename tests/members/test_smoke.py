import pytest

pytestmark = pytest.mark.django_db


def test_directory_lists_member_administrations_for_a_signed_in_delegate(
    delegate_client, organisation
):
    response = delegate_client.get("/members/")
    assert response.status_code == 200
    assert organisation.name in response.content.decode()
