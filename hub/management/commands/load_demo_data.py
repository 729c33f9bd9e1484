"""Build the demo site once; print the demo logins every time.

Every installed app of the project may have a `demo` module with a `build()`;
they run in the order of INSTALLED_APPS (lower layers first, so each app finds
what it builds on), inside one transaction.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from hub.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, already_built


def demo_modules():
    """The `demo` modules of the project's apps, in INSTALLED_APPS order."""
    project = settings.BASE_DIR
    return [
        f"{config.name}.demo"
        for config in apps.get_app_configs()
        if config.path.startswith(str(project))
        and module_has_submodule(config.module, "demo")
    ]


class Command(BaseCommand):
    help = "Load the bilingual demo content and demo accounts (development only)."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError("Demo data is disabled in these settings.")
        if already_built():
            self.stdout.write("Demo content already loaded; nothing to do.")
        else:
            with transaction.atomic():
                for module in demo_modules():
                    self.stdout.write(f"Building {module} …")
                    import_module(module).build()
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        self.print_accounts()

    def print_accounts(self):
        self.stdout.write("")
        # The development server's address (PORT, as `make run` passes it).
        self.stdout.write(f"Demo logins at {settings.WAGTAILADMIN_BASE_URL}/admin/")
        self.stdout.write(f"(password for every account: {DEMO_PASSWORD})")
        for username, _, description in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<10} {description}")
        self.stdout.write("")
