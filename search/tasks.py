"""Background work of the site search (django-tasks)."""

from django.db import transaction
from django_tasks import task
from wagtail.contrib.search_promotions.models import Query

from search.models import QueryOutcome


@task()
def record_search(query_key, result_count):
    """Count a search in Wagtail's query log, with how many results it found
    (the admin report "Searches with no results" reads them)."""
    with transaction.atomic():
        stored = Query.get(query_key)
        stored.add_hit()
        QueryOutcome.objects.update_or_create(
            query=stored, defaults={"result_count": result_count}
        )
