"""Upload of a workshop document: title, file and who may see it. Content checks are the service's."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from workshops.models import Document

ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.webp"


class DocumentForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file's name."),
    )
    file = forms.FileField(
        label=_("File"),
        max_length=200,
        allow_empty_file=True,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    visibility = forms.ChoiceField(
        label=_("Visible to"),
        choices=Document.Visibility.choices,
        initial=Document.Visibility.PARTICIPANTS,
        widget=forms.RadioSelect,
        help_text=_(
            "Public: anyone who can see the workshop. Participants: approved delegates and "
            "facilitators. Secretariat only: staff of the Secretariat."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "PDF, Word, Excel, PowerPoint, OpenDocument or an image (PNG, JPEG, WebP), "
            "up to %(limit)s. The type is checked from the content, not the name."
        ) % {"limit": filesizeformat(settings.DOCUMENT_MAX_BYTES)}
