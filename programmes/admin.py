from django.contrib import admin

from programmes.models import TfaMeasure


@admin.register(TfaMeasure)
class TfaMeasureAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "article", "article_title"]
    search_fields = ["code", "title"]
