"""Where citizens' attachments are stored: a private folder, never a public URL.

`PRIVATE_MEDIA_ROOT` (from the environment) is a folder apart from
`MEDIA_ROOT`, which the proxy serves to anyone. Files there have no URL and
are readable by the server's user only: the staff who review open them
through `admin_views.AttachmentView`, which checks the permission. With
several servers, a private bucket of object storage takes the folder's place
(`hub.object_storage`, STORAGES["private"]).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateStorage(FileSystemStorage):
    """A FileSystemStorage at PRIVATE_MEDIA_ROOT, read when used (tests move it)."""

    def __init__(self):
        super().__init__(file_permissions_mode=0o600, directory_permissions_mode=0o700)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL.")


_storage = PrivateStorage()


def private_storage():
    """The storage of attachments (a callable, so migrations name it): the
    private object storage when settings define one (STORAGES["private"],
    several servers), else the private folder."""
    if "private" in settings.STORAGES:
        return storages["private"]
    return _storage
