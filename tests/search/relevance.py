"""Scores the site search on the relevance test set (recall@10 and MRR)."""

from dataclasses import dataclass

from search.results import search
from tests.search.relevance_queries import QUERIES

TOP = 10


@dataclass
class Score:
    query: str
    kind: str
    recall: float  # share of the expected titles in the first TOP results
    reciprocal_rank: float  # 1 / rank of the first expected title, 0 if none
    top: list


def score_query(query, language, kind, expected):
    results, _ = search(query, language)
    titles = [str(getattr(r.obj, "title", "") or r.obj) for r in results[:TOP]]
    hits = [title for title in expected if title in titles]
    ranks = [titles.index(title) + 1 for title in hits]
    return Score(
        query=query,
        kind=kind,
        recall=len(hits) / min(len(expected), TOP),
        reciprocal_rank=1 / min(ranks) if ranks else 0.0,
        top=titles,
    )


def evaluate(queries=QUERIES):
    """(mean recall@10, MRR, [Score per query])."""
    scores = [score_query(*query) for query in queries]
    count = len(scores) or 1
    recall = sum(s.recall for s in scores) / count
    mrr = sum(s.reciprocal_rank for s in scores) / count
    return recall, mrr, scores
