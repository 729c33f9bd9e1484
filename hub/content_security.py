"""The admin's allowances in the Content-Security-Policy (django-csp).

The site allows only its own origin for scripts, styles, fonts and images
(CONTENT_SECURITY_POLICY in the settings). Wagtail's admin needs a little more,
and only the admin gets it:

- inline scripts: Wagtail 8's inline panels, multiple-chooser panels and
  date/time widgets carry `<script>` blocks in their templates
  (wagtailadmin/panels/inline_panel.html, widgets/date_input.html, …), which
  the editor inserts through jQuery; their content varies with the form, so
  neither a hash nor a nonce can cover them;
- inline `style` attributes, which Wagtail's templates and JavaScript set
  (progress bars, sidebar widths, the rich-text editor's toolbar);
- `data:` and `blob:` images: previews of images chosen for upload, and the
  editor's inline icons.

Scripts from other origins stay refused, in the admin too; the public site
has no inline script or style at all.
"""

from django.urls import reverse

ADMIN_ALLOWANCES = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["data:", "blob:"],
}


class AdminContentSecurityMiddleware:
    """Adds ADMIN_ALLOWANCES to the policy of every response under the admin.

    Listed after `csp.middleware.CSPMiddleware`, so it marks the response
    before that middleware writes the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            response._csp_update = ADMIN_ALLOWANCES
        return response
