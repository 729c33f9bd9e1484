"""Rebuild the search index, failing clearly when the search engine is down."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from wagtail.search.backends import get_search_backend

from search.backends import engine_errors


class Command(BaseCommand):
    help = (
        "Rebuild the site search index (Wagtail's update_index). When the "
        "search engine cannot be reached, say so and exit with an error instead "
        "of a traceback."
    )

    def handle(self, *args, **options):
        backend = get_search_backend()
        engine = getattr(backend, "es", None)
        urls = settings.WAGTAILSEARCH_BACKENDS["default"].get("URLS", [])
        try:
            if engine is not None and not engine.ping():
                raise CommandError(self.unreachable(urls, "no answer to ping"))
            call_command("update_index", verbosity=options["verbosity"])
        except engine_errors() as error:
            raise CommandError(self.unreachable(urls, error)) from error
        self.stdout.write(self.style.SUCCESS("Search index updated."))

    def unreachable(self, urls, error):
        return (
            f"The search engine at {', '.join(urls) or '(database)'} could not be "
            f"reached ({error}). Saved content is safe; run this command again "
            "once the engine is back."
        )
