from django.views.generic import TemplateView

from .queries import directory_network


class NetworkView(TemplateView):
    """Every actor and relation of the directory in one picture."""

    template_name = "network/network.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["graph"] = directory_network()
        return context
