"""The Secretariat's outbox pages: list, detail and resend."""

import pytest

from core.models import OutgoingEmail
from tests.factories import OutgoingEmailFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_email(db):
    return OutgoingEmailFactory(
        recipient="focal.samoa@customs.example",
        subject="Invitation to the TFA workshop",
        body_text="Talofa, you are invited.",
        status=OutgoingEmail.Status.FAILED,
        attempts=5,
        last_error="550 5.1.1 Mailbox unavailable",
    )


def test_outbox_lists_emails_with_their_status_and_counts(secretariat_client, failed_email):
    OutgoingEmailFactory(subject="Confirm your e-mail", status=OutgoingEmail.Status.SENT)

    page = secretariat_client.get("/outbox/").content.decode()

    assert "Invitation to the TFA workshop" in page
    assert "Confirm your e-mail" in page
    assert "0 queued · 0 sending · 1 sent · 1 failed" in page
    assert f'href="/outbox/{failed_email.pk}/"' in page


def test_outbox_filters_by_status(secretariat_client, failed_email):
    OutgoingEmailFactory(subject="Confirm your e-mail", status=OutgoingEmail.Status.SENT)

    page = secretariat_client.get("/outbox/", {"status": "failed"}).content.decode()

    assert "Invitation to the TFA workshop" in page
    assert "Confirm your e-mail" not in page
    assert '<option value="failed" selected>' in page


def test_outbox_filters_by_recipient_or_subject(secretariat_client, failed_email):
    OutgoingEmailFactory(recipient="donor@kcs.example", subject="Report")

    by_recipient = secretariat_client.get("/outbox/", {"q": "kcs.example"}).content.decode()
    by_subject = secretariat_client.get("/outbox/", {"q": "workshop"}).content.decode()

    assert "donor@kcs.example" in by_recipient
    assert "focal.samoa@customs.example" not in by_recipient
    assert "focal.samoa@customs.example" in by_subject
    assert "donor@kcs.example" not in by_subject


def test_outbox_says_so_when_nothing_matches(secretariat_client):
    page = secretariat_client.get("/outbox/", {"status": "sending"}).content.decode()

    assert "No e-mail matches these filters." in page


def test_outbox_detail_shows_the_text_the_error_and_a_resend_button(
    secretariat_client, failed_email
):
    page = secretariat_client.get(f"/outbox/{failed_email.pk}/").content.decode()

    assert "Talofa, you are invited." in page
    assert "550 5.1.1 Mailbox unavailable" in page
    assert f'action="/outbox/{failed_email.pk}/resend/"' in page
    assert "Send again" in page


def test_outbox_detail_of_a_sent_email_offers_no_resend(secretariat_client):
    email = OutgoingEmailFactory(status=OutgoingEmail.Status.SENT)

    page = secretariat_client.get(f"/outbox/{email.pk}/").content.decode()

    assert '<dd class="col-sm-9">Sent</dd>' in page
    assert "Send again" not in page


def test_outbox_detail_of_an_unknown_email_is_not_found(secretariat_client):
    response = secretariat_client.get("/outbox/999999/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_resend_of_a_failed_email_queues_it_and_says_so(
    secretariat_client, failed_email, messages_of, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(f"/outbox/{failed_email.pk}/resend/", follow=True)

    assert response.redirect_chain == [(f"/outbox/{failed_email.pk}/", 302)]
    assert messages_of(response) == ["The e-mail to focal.samoa@customs.example is queued again."]
    failed_email.refresh_from_db()
    assert failed_email.status == OutgoingEmail.Status.SENT
    assert [message.to for message in mailoutbox] == [["focal.samoa@customs.example"]]


def test_resend_of_a_sent_email_is_refused_with_a_message(
    secretariat_client, messages_of, mailoutbox, django_capture_on_commit_callbacks
):
    email = OutgoingEmailFactory(status=OutgoingEmail.Status.SENT, attempts=1)

    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(f"/outbox/{email.pk}/resend/", follow=True)

    assert messages_of(response) == [
        "Only a failed e-mail, or one waiting to be retried, can be sent again."
    ]
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    assert mailoutbox == []


def test_resend_answers_get_with_405(secretariat_client, failed_email):
    response = secretariat_client.get(f"/outbox/{failed_email.pk}/resend/")

    assert response.status_code == 405
    failed_email.refresh_from_db()
    assert failed_email.status == OutgoingEmail.Status.FAILED


@pytest.mark.parametrize("path", ["/outbox/", "/outbox/{pk}/"])
def test_outbox_pages_are_not_found_for_a_delegate(delegate_client, failed_email, path):
    response = delegate_client.get(path.format(pk=failed_email.pk))

    assert response.status_code == 404
    assert "Talofa" not in response.content.decode()


def test_resend_is_not_found_for_a_delegate_and_changes_nothing(
    delegate_client, failed_email, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = delegate_client.post(f"/outbox/{failed_email.pk}/resend/")

    assert response.status_code == 404
    failed_email.refresh_from_db()
    assert failed_email.status == OutgoingEmail.Status.FAILED


@pytest.mark.parametrize("path", ["/outbox/", "/outbox/{pk}/"])
def test_outbox_pages_send_anonymous_visitors_to_sign_in(client, failed_email, path):
    response = client.get(path.format(pk=failed_email.pk))

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=/outbox/")


def test_resend_sends_anonymous_visitors_to_sign_in(client, failed_email):
    response = client.post(f"/outbox/{failed_email.pk}/resend/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    failed_email.refresh_from_db()
    assert failed_email.status == OutgoingEmail.Status.FAILED
