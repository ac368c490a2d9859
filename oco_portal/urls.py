from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from oco_portal import health, views

admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("OCO Portal administration")
admin.site.site_title = _("OCO Portal")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("ping", health.ping, name="ping"),
    path("language/", views.set_language, name="set-language"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("core.urls")),
    path("", include("members.urls")),
    path("", include("workshops.urls")),
    path("", include("programmes.urls")),
]

handler400 = "oco_portal.views.error_400"
handler403 = "oco_portal.views.error_403"
handler404 = "oco_portal.views.error_404"
handler500 = "oco_portal.views.error_500"
