from django.contrib import admin

from programmes.models import Agreement, TfaMeasure


@admin.register(TfaMeasure)
class TfaMeasureAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "article", "article_title"]
    search_fields = ["code", "title"]


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "signed_on", "signed_at"]
    filter_horizontal = ["parties", "activities", "workshops"]
