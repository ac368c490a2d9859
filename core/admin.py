from django.contrib import admin

from core.models import GeneratedDocument, OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "subject", "status", "attempts"]
    list_filter = ["status", "template", "language"]
    search_fields = ["recipient", "subject"]
    readonly_fields = [field.name for field in OutgoingEmail._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(admin.ModelAdmin):
    """Read only: documents are asked for and built by the portal (core.services.documents)."""

    list_display = ["kind", "subject_id", "scope", "language", "status", "built_at"]
    list_filter = ["kind", "status", "language"]
    readonly_fields = [field.name for field in GeneratedDocument._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
