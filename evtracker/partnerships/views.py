from django.shortcuts import get_object_or_404, render

from .models import Company, Event


def home(request):
    events = Event.objects.select_related("talk", "investment", "approval")[:50]
    return render(request, "partnerships/home.html", {"events": events})


def company(request, slug):
    company = get_object_or_404(Company, slug=slug)
    return render(request, "partnerships/company.html", {"company": company})
