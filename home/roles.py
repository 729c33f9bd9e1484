"""What communications staff need for the editorial site.

They write, translate and publish every page, keep the topics and the site's
contact settings, and use the shared images and documents.
"""

from hub.roles import COMMUNICATIONS_STAFF, Grant

GRANTS = {
    COMMUNICATIONS_STAFF: Grant(
        permissions=(
            "taxonomy.add_topic",
            "taxonomy.change_topic",
            "home.change_sitecontactsettings",
            "wagtail_localize.submit_translation",
        ),
        page_permissions=("add", "change", "publish", "lock", "unlock"),
        collection_permissions=(
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
        ),
    )
}
