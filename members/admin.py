from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from members.models import (
    DonorContact,
    FocalPoint,
    Organisation,
    TradeAgreement,
    TradeAgreementParty,
    User,
)


class FocalPointInline(admin.TabularInline):
    model = FocalPoint
    extra = 0
    autocomplete_fields = ["organisation"]


class DonorContactInline(admin.TabularInline):
    model = DonorContact
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["name"]
    list_display = ["email", "name", "organisation", "is_secretariat", "is_staff", "is_active"]
    list_filter = ["is_secretariat", "is_staff", "is_active", "preferred_language"]
    search_fields = ["email", "name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    inlines = [FocalPointInline, DonorContactInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Person"),
            {
                "fields": [
                    "title",
                    "name",
                    "gender",
                    "position",
                    "seniority",
                    "organisation",
                    "preferred_language",
                    "time_zone",
                ]
            },
        ),
        (_("Roles"), {"fields": ["is_active", "is_secretariat", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]})
    ]


class TradeAgreementPartyInline(admin.TabularInline):
    model = TradeAgreementParty
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "oco_status", "country_iso2", "time_zone", "is_wto_member"]
    list_filter = ["kind", "oco_status", "is_wto_member"]
    search_fields = ["name", "short_name", "country_iso2"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TradeAgreementPartyInline]


@admin.register(TradeAgreement)
class TradeAgreementAdmin(admin.ModelAdmin):
    list_display = ["name", "in_force_since"]
