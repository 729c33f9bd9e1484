"""Background tasks of the directory (django-tasks; see TASKS in the settings)."""

from django_tasks import task

from directory import open_data


@task()
def build_open_data_files():
    """Build the full open-data downloads of every language into the default
    storage (queued after each change of the directory: `open_data`)."""
    open_data.DOWNLOADS.build_all()
