"""Media on S3-compatible object storage, for several application servers.

With `AWS_STORAGE_BUCKET_NAME` set (settings), public media (images,
documents) go to that bucket, readable by anyone, and the private files
(initiatives' attachments, consultations' documents) to a private bucket
(`AWS_PRIVATE_STORAGE_BUCKET_NAME`, else a `private/` prefix of the same
bucket) with a private ACL. Private files keep having no URL: staff open
them only through the permission-checked views, which stream them from the
storage, so a signed link can never leak one.
"""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """Objects stored with a private ACL, and no URL to reach them by."""

    default_acl = "private"
    querystring_auth = True

    def get_default_settings(self):
        settings = super().get_default_settings()
        settings["default_acl"] = "private"
        return settings

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no URL; use the permission-checked view.")
