from django.core.paginator import InvalidPage
from django.utils.translation import gettext


class NearestPageMixin:
    """
    Pages of 20 under `?seite=`; an invalid page number shows the nearest page and says
    so in `page_error`, instead of a 404 for a mistyped or outdated link.
    """

    paginate_by = 20
    page_kwarg = "seite"
    page_error = ""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        requested = self.request.GET.get(self.page_kwarg, "1")
        try:
            page = paginator.page(paginator.validate_number(requested))
        except InvalidPage:
            page = paginator.get_page(requested)
            self.page_error = gettext(
                "Eine Seite „%(requested)s“ gibt es nicht; gezeigt wird Seite %(shown)s."
            ) % {"requested": requested[:20], "shown": page.number}
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        # The parent paginates, so the error is known only after it ran.
        context = super().get_context_data(**kwargs)
        context["page_error"] = self.page_error
        return context
