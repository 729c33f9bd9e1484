"""Permission policies that no grant can override, not even a superuser's.

The ledger is append-only: nobody may change or delete a transfer (a
correction is a reversing transfer). Members are never deleted (their
movements must stay): they are anonymised instead.
"""

from wagtail.permission_policies import ModelPermissionPolicy


class NeverPermissionPolicy(ModelPermissionPolicy):
    """The model's Django permissions, minus `never` actions for everyone."""

    def __init__(self, model, never=("change", "delete")):
        super().__init__(model)
        self.never = frozenset(never)

    def user_has_permission(self, user, action):
        if action in self.never:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.never]
        if not allowed:
            return self.auth_model._default_manager.none()
        return super().users_with_any_permission(allowed)
