"""Editors preview a draft at the address visitors will find it under once it is published."""

from django.contrib.auth import get_permission_codename
from django.utils.cache import patch_cache_control


class DraftPreviewMixin:
    """
    A detail view of published entries that also shows a draft to whoever may view it in the
    admin; everyone else gets a 404 for a draft. The page marks a draft itself (`is_published`).
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.may_preview(queryset.model) else queryset.published()

    def may_preview(self, model):
        opts = model._meta
        return self.request.user.has_perm(
            f"{opts.app_label}.{get_permission_codename('view', opts)}"
        )

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_published:
            # A draft must not outlive the preview in any cache or reach a visitor from one.
            patch_cache_control(response, private=True, no_store=True)
        return response
