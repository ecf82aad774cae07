"""Linking: the same quote across articles and outlets (pure functions, no database).

    words(text) -> Words             # display words and their canonical forms, ellipsis gaps
    keys(words) -> list[int]         # winnowed word-shingle fingerprints: the candidate index
    compare(a, b) -> Comparison      # token alignment of a against b: kind, joinable, diff
    same_speaker(...)                # the same person? (an unnamed source only for long quotes)
    Clusterer                        # in-memory incremental clustering (batch datasets, re-cluster)
    verdict(...)                     # "did they really say that?" from the closest clusters

The store keeps the same index in tables and calls these functions at ingest; the batch
runner and `quotewire check` use them too. See docs/clusters.md.
"""
from quotewire.linking.align import Comparison, compare, diff_segments
from quotewire.linking.cluster import Clusterer, ClusterState, Member, choose, same_speaker
from quotewire.linking.text import Words, canonical, words
from quotewire.linking.keys import keys
from quotewire.linking.verdict import Verdict, verdict

__all__ = ["Comparison", "compare", "diff_segments", "Clusterer", "ClusterState", "Member", "choose",
           "same_speaker", "Words", "canonical", "words", "keys", "Verdict", "verdict"]
