"""Quotes with ellipses: the pieces between them placed in order, each a contiguous run of the
longer text, even where a short piece's words recur elsewhere in it (docs/clusters.md)."""
from __future__ import annotations

from quotewire.linking import Clusterer, Member, compare, diff_segments, keys, words
from quotewire.linking.align import _ops, alignment
from quotewire.linking.keys import query_keys

# a short piece before the ellipsis ("the council will") that also occurs later in the quote
COUNCIL = ("The council will meet in the old mill on Friday, and after that the council will decide "
           "the ferry budget on its own.")
# a short piece after the ellipsis ("I think") whose words occur earlier too
ADMIRE = "She is steady, I admire her and I think she will carry the valley vote in the spring."


def _cuts(a: str, b: str) -> list[str]:
    return [s["was"] for s in diff_segments(words(a), words(b)) if s["op"] == "cut"]


def test_repeated_phrase_before_the_ellipsis() -> None:
    ell = "The council will ... decide the ferry budget on its own."
    c = compare(words(ell), words(COUNCIL))
    assert c.kind == "shortened" and c.joinable and c.edits == 0 and c.matched == len(words(ell))
    # the first piece stays at the start: what was cut is the words between the two pieces
    assert _cuts(ell, COUNCIL) == ["meet in the old mill on Friday and after that the council will"]


def test_repeated_phrase_after_the_ellipsis() -> None:
    ell = "She is steady, ... I think she will carry the valley vote in the spring."
    a, b = words(ell), words(ADMIRE)
    # the longest common subsequence alone puts "I" at the first "I" of the source: an edit inside
    plain = [o for o in _ops(a, b) if o[0] != "equal"]
    assert any(o[1] not in a.gaps for o in plain if o[0] == "add" and 0 < o[1] < len(a))
    c = compare(a, b)
    assert c.kind == "shortened" and c.joinable and c.edits == 0
    assert _cuts(ell, ADMIRE) == ["I admire her and"]


def test_several_ellipses_and_an_ellipsis_that_cut_nothing() -> None:
    ell = "The council will meet ... on Friday ... the council will decide ... on its own."
    c = compare(words(ell), words(COUNCIL))
    assert c.kind == "shortened" and c.joinable and c.edits == 0
    assert _cuts(ell, COUNCIL) == ["in the old mill", "and after that", "the ferry budget"]
    # a speaker's own pause marked with an ellipsis where nothing is missing
    paused = "She is steady, I admire her … and I think she will carry the valley vote in the spring."
    ops = alignment(words(paused), words(ADMIRE))
    assert ops == [("equal", 0, len(words(ADMIRE)), 0, len(words(ADMIRE)))]
    assert compare(words(paused), words(ADMIRE)).kind in ("verbatim", "re-punctuated")


def test_ellipsis_at_the_start_or_the_end() -> None:
    for ell in ("... the council will decide the ferry budget on its own.",
                "The council will meet in the old mill on Friday ...",
                "… and after that the council will decide …"):
        w = words(ell)
        assert not w.gaps  # an ellipsis at an end is not a gap inside the quote
        c = compare(w, words(COUNCIL))
        assert c.kind == "shortened" and c.joinable, ell


def test_the_longer_copy_against_an_ellipsized_cluster_text() -> None:
    ell = "She is steady, ... I think she will carry the valley vote in the spring."
    c = compare(words(ADMIRE), words(ell))
    assert c.kind == "longer" and c.joinable and c.edits == 0
    # both with ellipses: the cluster text pauses where the new copy cut nothing
    both = "She is steady, I admire her … and I think she will carry the valley vote in the spring."
    assert compare(words(ell), words(both)).kind == "shortened"


def test_pieces_that_are_not_the_source_s_words_in_order_do_not_pass_as_shortened() -> None:
    swapped = "I think she will carry the valley vote ... She is steady, I admire her"
    c = compare(words(swapped), words(ADMIRE))
    assert not (c.joinable and c.kind == "shortened")
    altered = "The council will ... decide the harbour budget on its own."  # a word changed in a piece
    c = compare(words(altered), words(COUNCIL))
    assert c.kind == "altered" and c.edits == 1
    # pieces of two different quotes: neither source holds all the words
    mixed = "The council will meet in the old mill ... carry the valley vote in the spring."
    assert not compare(words(mixed), words(COUNCIL)).joinable
    assert not compare(words(mixed), words(ADMIRE)).joinable


def test_every_three_word_run_is_a_key() -> None:
    # pieces of three words each: each shares exactly one shingle with the source
    ell = words("The council will ... on its own.")
    assert set(query_keys(ell)) & set(keys(words(COUNCIL)))
    assert set(query_keys(words("carry the valley"))) <= set(keys(words(ADMIRE)))


def test_clusterer_joins_ellipsized_copies_and_keeps_its_index_small() -> None:
    cl = Clusterer()
    a, _ = cl.add(Member(1, COUNCIL, "Ana Lima"))
    b, _ = cl.add(Member(2, ADMIRE, "Ana Lima"))
    c, kind = cl.add(Member(3, "The council will ... decide the ferry budget on its own.", "Ana Lima"))
    assert c == a and kind == "shortened"
    d, kind = cl.add(Member(4, "She is steady, ... I think she will carry the valley vote in the spring.", "Lima"))
    assert d == b and kind == "shortened"
    e, kind = cl.add(Member(5, "She is steady, ... in the spring.", "Ana Lima"))
    assert e == b and kind == "shortened"
    f, _ = cl.add(Member(6, "The council will meet in the old mill ... carry the valley vote in the spring.",
                         "Ana Lima"))
    assert f not in (a, b)
    g, _ = cl.add(Member(7, COUNCIL, "Ben Ode"))  # the same words from someone else share every key
    assert g != a
    shared = [v for v in cl.index.values() if isinstance(v, list)]
    assert shared and all(len(set(v)) == len(v) for v in shared)
    assert sum(1 for _ in cl.index_pairs()) == sum(1 if isinstance(v, int) else len(v) for v in cl.index.values())
    assert {cid for _, cid in cl.index_pairs()} == {a, b, f, g}
