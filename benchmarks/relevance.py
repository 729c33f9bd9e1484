"""Relevance of the site search: recall@10 and MRR over the query set.

Run against a database holding the demo content (`manage.py load_demo_data`):

    export DATABASE_URL=sqlite:////tmp/kh_demo.sqlite3
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_data
    .venv/bin/python benchmarks/relevance.py

Add -v to list every query with its score and first results. The queries and
their expected results are in tests/search/relevance_queries.py; the floor the
tests hold is in tests/search/test_relevance.py.
"""

import os
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def main(verbose=False):
    import django

    django.setup()
    from tests.search.relevance import evaluate

    recall, mrr, scores = evaluate()
    by_kind = defaultdict(list)
    for score in scores:
        by_kind[score.kind].append(score)
        if verbose or score.recall < 1:
            print(f"{score.recall:4.2f} {score.reciprocal_rank:4.2f}  {score.query}")
            if verbose:
                for title in score.top[:3]:
                    print(f"           {title}")
    print()
    for kind, group in sorted(by_kind.items()):
        kind_recall = sum(s.recall for s in group) / len(group)
        kind_mrr = sum(s.reciprocal_rank for s in group) / len(group)
        print(f"{kind:15} {len(group):3} queries", end="")
        print(f"  recall@10 {kind_recall:.3f}  MRR {kind_mrr:.3f}")
    print(f"{'all':15} {len(scores):3} queries  recall@10 {recall:.3f}  MRR {mrr:.3f}")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv)
