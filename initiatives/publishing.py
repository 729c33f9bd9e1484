"""What happens when a review workflow ends with approval.

Named by `WAGTAIL_FINISH_WORKFLOW_ACTION` and imported while `wagtail.models`
loads, so it imports the app's modules only when called.
"""


def publish_on_approval(workflow_state, user=None):
    """Initiatives are accepted for advocacy (`journey.accept` publishes them);
    other models keep Wagtail's behaviour."""
    from wagtail.workflows import publish_workflow_state

    from .models import Initiative

    if not isinstance(workflow_state.content_object, Initiative):
        return publish_workflow_state(workflow_state, user=user)
    from . import journey

    journey.accept(workflow_state, user=user)
