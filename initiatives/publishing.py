"""What happens when a review workflow ends with approval.

Named by `WAGTAIL_FINISH_WORKFLOW_ACTION` and imported while `wagtail.models`
loads, so it imports models only when called.
"""


def publish_on_approval(workflow_state, user=None):
    """Publish the approved revision; initiatives become "accepted for advocacy".

    Council members approve without any right to publish (or edit) initiatives,
    so the permission check is skipped for initiatives only: reaching the end of
    their workflow is the permission. Other models keep Wagtail's behaviour.
    """
    from wagtail.workflows import publish_workflow_state

    from .models import Initiative

    obj = workflow_state.content_object
    if not isinstance(obj, Initiative):
        return publish_workflow_state(workflow_state, user=user)
    obj.get_latest_revision().publish(user=user, skip_permission_checks=True)
    obj.set_stage(Initiative.Stage.ACCEPTED, rejection_reason="", rejection_message="")
