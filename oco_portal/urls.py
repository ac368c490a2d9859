from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from members import health, views
from workshops.views import certificates

admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("OCO Portal administration")
admin.site.site_title = _("OCO Portal")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("ping", health.ping, name="ping"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path(
        "certificates/verify/",
        certificates.certificate_verify_form,
        name="certificate-verify-form",
    ),
    path(
        "certificates/verify/<str:code>/",
        certificates.certificate_verify,
        name="certificate-verify",
    ),
    path("", include("core.urls")),
    path("", include("members.urls")),
    path("", include("workshops.urls")),
    path("", include("programmes.urls")),
]

handler400 = "members.views.error_400"
handler403 = "members.views.error_403"
handler404 = "members.views.error_404"
handler500 = "members.views.error_500"
