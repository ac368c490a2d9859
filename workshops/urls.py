from django.urls import path

from workshops.views import (
    attendance,
    certificates,
    documents,
    evaluations,
    experts,
    invitations,
    manage,
    participants,
    planning,
    public,
    registrations,
)

app_name = "workshops"

urlpatterns = [
    # Public pages
    path("workshops/", public.workshop_list, name="list"),
    path("workshops/calendar.ics", public.calendar_feed, name="feed"),
    path("workshops/<slug:slug>/", public.workshop_detail, name="detail"),
    path("workshops/<slug:slug>/calendar.ics", public.workshop_ical, name="ical"),
    path("workshops/<slug:slug>/agenda/", public.agenda_print, name="agenda"),
    path("workshops/<slug:slug>/agenda.pdf", public.agenda_pdf, name="agenda-pdf"),
    path(
        "workshops/<slug:slug>/documents/<int:document_id>/",
        documents.document_download,
        name="document-download",
    ),
    # Customs Expert database
    path("experts/", experts.expert_list, name="expert-list"),
    path("experts/<int:pk>/", experts.expert_detail, name="expert-detail"),
    path("profile/expertise/", experts.expert_edit, name="expert-edit"),
    # Secretariat: workshops
    path("manage/workshops/", manage.workshop_list, name="manage-list"),
    path("manage/workshops/new/", manage.workshop_create, name="manage-create"),
    path("manage/workshops/<int:pk>/", manage.workshop_detail, name="manage-detail"),
    path("manage/workshops/<int:pk>/edit/", manage.workshop_edit, name="manage-edit"),
    path("manage/workshops/<int:pk>/clone/", manage.workshop_clone, name="manage-clone"),
    path(
        "manage/workshops/<int:pk>/status/<str:action>/",
        manage.workshop_transition,
        name="manage-transition",
    ),
    path("manage/workshops/<int:pk>/cancel/", manage.workshop_cancel, name="manage-cancel"),
    path("manage/workshops/<int:pk>/history/", manage.workshop_history, name="manage-history"),
    # Secretariat: what is planned around a workshop
    path("manage/workshops/<int:pk>/fundings/new/", planning.funding_create, name="funding-create"),
    path("manage/fundings/<int:funding_id>/edit/", planning.funding_edit, name="funding-edit"),
    path(
        "manage/fundings/<int:funding_id>/delete/", planning.funding_delete, name="funding-delete"
    ),
    path(
        "manage/workshops/<int:pk>/facilitators/",
        planning.facilitators,
        name="facilitators",
    ),
    path(
        "manage/facilitations/<int:facilitation_id>/remove/",
        planning.facilitation_remove,
        name="facilitation-remove",
    ),
    path("manage/workshops/<int:pk>/seats/", planning.seats, name="seats"),
    path("manage/workshops/<int:pk>/sessions/new/", planning.session_create, name="session-create"),
    path("manage/sessions/<int:session_id>/edit/", planning.session_edit, name="session-edit"),
    path(
        "manage/sessions/<int:session_id>/delete/", planning.session_delete, name="session-delete"
    ),
    path(
        "manage/workshops/<int:pk>/documents/new/",
        documents.document_upload,
        name="document-upload",
    ),
    path(
        "manage/documents/<int:document_id>/delete/",
        documents.document_delete,
        name="document-delete",
    ),
    # Registrations: the delegate, the focal point, the facilitator
    path("workshops/<slug:slug>/register/", registrations.register, name="register"),
    path(
        "workshops/<slug:slug>/registration/",
        registrations.registration_detail,
        name="registration",
    ),
    path(
        "workshops/<slug:slug>/registration/cancel/",
        registrations.registration_cancel,
        name="registration-cancel",
    ),
    path(
        "workshops/<slug:slug>/registration/visa-letter.pdf",
        registrations.visa_letter_download,
        name="visa-letter",
    ),
    path(
        "workshops/<slug:slug>/my-administration/",
        registrations.administration_registrations,
        name="administration-registrations",
    ),
    path(
        "workshops/<slug:slug>/participants/",
        registrations.facilitator_participants,
        name="facilitator-participants",
    ),
    # Secretariat: participants
    path(
        "manage/workshops/<int:pk>/participants/",
        participants.participant_list,
        name="participant-list",
    ),
    path(
        "manage/workshops/<int:pk>/participants/export/",
        participants.participant_export,
        name="participant-export",
    ),
    path(
        "manage/registrations/<int:registration_id>/visa-letter.pdf",
        participants.participant_visa_letter,
        name="participant-visa-letter",
    ),
    # Invitations: the Secretariat invites; the link's landing page answers them
    path(
        "manage/workshops/<int:pk>/invitations/",
        invitations.invitation_list,
        name="invitation-list",
    ),
    path(
        "manage/workshops/<int:pk>/invitations/new/",
        invitations.invitation_create,
        name="invitation-create",
    ),
    path(
        "manage/workshops/<int:pk>/invitations/progress/",
        invitations.invitation_progress,
        name="invitation-progress",
    ),
    path("invitations/<str:token>/", invitations.invitation_landing, name="invitation"),
    path(
        "invitations/<str:token>/nominate/",
        invitations.invitation_nominate,
        name="invitation-nominate",
    ),
    path(
        "invitations/<str:token>/decline/",
        invitations.invitation_decline,
        name="invitation-decline",
    ),
    # Attendance, certificates and evaluations
    path("workshops/<slug:slug>/check-in/", attendance.check_in, name="check-in"),
    path(
        "workshops/<slug:slug>/check-in/<int:registration_id>/",
        attendance.check_in_mark,
        name="check-in-mark",
    ),
    path(
        "workshops/<slug:slug>/attendance-sheet.pdf",
        attendance.attendance_sheet,
        name="attendance-sheet",
    ),
    path(
        "workshops/<slug:slug>/registration/certificate.pdf",
        certificates.certificate_download,
        name="certificate",
    ),
    path("workshops/<slug:slug>/evaluation/", evaluations.evaluation_form, name="evaluation"),
    path(
        "certificates/verify/", certificates.certificate_verify_form, name="certificate-verify-form"
    ),
    path(
        "certificates/verify/<str:code>/",
        certificates.certificate_verify,
        name="certificate-verify",
    ),
    path(
        "manage/workshops/<int:pk>/certificates/issue/",
        certificates.certificates_issue,
        name="certificates-issue",
    ),
    path(
        "manage/workshops/<int:pk>/attendance-rules/",
        attendance.attendance_rules,
        name="attendance-rules",
    ),
]
