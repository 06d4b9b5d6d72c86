from django.contrib.flatpages.views import flatpage


def legal_page(request):
    """The flat page stored under this page's own address: each language has its own."""
    return flatpage(request, request.path_info)
