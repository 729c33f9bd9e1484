"""The cached list of municipalities follows every save and delete."""

import pytest

from taxonomy.models import Municipality

pytestmark = pytest.mark.django_db


def test_a_renamed_municipality_is_read_anew(django_assert_num_queries):
    assert len(Municipality.cached()) == 8
    with django_assert_num_queries(0):
        Municipality.cached()

    telavi = Municipality.objects.get(slug="telavi")
    telavi.name_en = "Telavi (renamed)"
    telavi.save()
    names = {m.name_en for m in Municipality.cached()}
    assert "Telavi (renamed)" in names


def test_a_new_municipality_is_listed(django_capture_on_commit_callbacks):
    Municipality.cached()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Municipality.objects.create(
            name_ka="ზემო ალვანი", name_en="Upper Alvani", slug="alvani"
        )
    assert callbacks  # forgotten again when the transaction commits
    assert "alvani" in {m.slug for m in Municipality.cached()}
