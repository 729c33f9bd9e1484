from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _after_last_app_migrated(sender, **kwargs):
    # post_migrate fires once per app; the permissions of every app exist only
    # after the last one, so roles are granted then. A `flush` (transactional
    # tests) sends it too, without a migration plan, on an emptied database:
    # nothing to grant then.
    if "plan" not in kwargs:
        return
    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender is with_models[-1]:
        from hub.roles import sync_roles

        sync_roles()


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Kakheti Hub")

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from hub import admin_exports, mtavruli, page_cache, page_tree, table_access
        from hub.accounts import georgian_admin_for_new_users
        from hub.models import AdminExport
        from hub.tabular import install_export_guard

        mtavruli.install()
        install_export_guard()
        table_access.install()
        table_access.on_write(page_cache.table_written)
        page_tree.connect_signals()
        post_migrate.connect(_after_last_app_migrated, dispatch_uid="hub.roles")
        post_save.connect(
            georgian_admin_for_new_users,
            sender=get_user_model(),
            dispatch_uid="hub.georgian_admin",
        )
        post_delete.connect(
            admin_exports.file_removed,
            sender=AdminExport,
            dispatch_uid="hub.admin_export_file",
        )
