from django.contrib import admin, messages

from accounts.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "key_prefix", "created", "expires", "revoked", "last_used"]
    list_filter = ["revoked"]
    list_select_related = ["user"]
    search_fields = ["name", "user__username", "key_prefix"]
    autocomplete_fields = ["user"]
    readonly_fields = ["key_prefix", "created", "last_used"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["user", "name", "expires"]
        return ["user", "name", "key_prefix", "created", "expires", "revoked", "last_used"]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "user"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        secret = obj.set_new_secret()
        super().save_model(request, obj, form, change)
        messages.warning(
            request,
            f"The secret of “{obj.name}” is {secret} — copy it now: it is shown only this once "
            f"and stored only as a hash. Clients send it as “Authorization: Token {secret}”.",
        )
        return None
