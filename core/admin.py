from django.contrib import admin

from core.models import OutgoingEmail


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "subject", "status", "attempts"]
    list_filter = ["status", "template", "language"]
    search_fields = ["recipient", "subject"]
    readonly_fields = [field.name for field in OutgoingEmail._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
