"""Field-by-field history of an initiative, from django-simple-history.

Wagtail's own history shows revisions and workflow actions; this shows which
published field values changed, when and by whom. Draft-only saves are never
recorded (see Initiative.save), so no unpublished text appears here.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from .models import Initiative


class FieldHistoryView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    model = Initiative
    permission_required = "change"
    template_name = "initiatives/admin/field_history.html"
    page_title = _("Field history")
    header_icon = "history"

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(Initiative, pk=pk)

    def get_page_subtitle(self):
        return self.object.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        records = list(
            self.object.history.select_related("history_user").order_by(
                "history_date", "history_id"
            )
        )
        changes = []
        for previous, record in zip([None, *records], records, strict=False):
            if previous is None:
                fields = [_("(first recorded state)")]
            else:
                delta = record.diff_against(previous)
                fields = [
                    f"{Initiative._meta.get_field(c.field).verbose_name}: "
                    f"{c.old} → {c.new}"
                    for c in delta.changes
                ]
            changes.append({"record": record, "fields": fields})
        context.update(object=self.object, changes=list(reversed(changes)))
        return context
