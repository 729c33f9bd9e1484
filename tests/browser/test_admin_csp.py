"""The admin works under the Content-Security-Policy, with no violation.

Every `securitypolicyviolation` event and every console error mentioning the
policy is collected from the first page on; the sidebar (drawn by Wagtail's
JavaScript) proves that the admin's scripts ran.
"""

import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ` +
      `${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def watch_policy(watched):
    """Console messages about the policy, and a hook for violation events."""
    console = []
    watched.context.add_init_script(COLLECT_VIOLATIONS)
    watched.page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return console


def violations(watched):
    return watched.page.evaluate("window.__cspViolations")


def test_admin_dashboard_and_page_editor_run_under_the_policy(
    open_page, admin_user, password, home_pages
):
    watched = open_page()
    console = watch_policy(watched)
    page = watched.page

    response = watched.goto("/admin/login/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.fill("#id_username", admin_user.username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.locator("#wagtail-sidebar .sidebar-main-menu").first.wait_for()
    assert violations(watched) == []

    watched.goto(f"/admin/pages/{home_pages['ka'].pk}/edit/")
    page.locator("#id_title").wait_for()
    page.locator("#wagtail-sidebar .sidebar-main-menu").first.wait_for()
    # The publish menu opens: the editor's scripts ran.
    page.get_by_role("button", name="სხვა მოქმედებები").click()
    page.get_by_role("button", name="გამოქვეყნება").wait_for()
    assert violations(watched) == []

    assert console == []
