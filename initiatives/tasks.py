"""Background tasks of the initiatives (django-tasks; see TASKS in the settings)."""

from django_tasks import task

from initiatives import exports


@task()
def build_open_data_files():
    """Build the full open-data downloads of every language into the default
    storage (queued after each change of what they show: `exports`)."""
    exports.DOWNLOADS.build_all()
