"""The linking core: canonical form, keys, alignment kinds, speakers, the in-memory clusterer."""
from __future__ import annotations

import random

from quotewire.linking import Clusterer, Member, canonical, compare, diff_segments, keys, same_speaker, words
from quotewire.linking.cluster import first_appearance, names_compatible
from quotewire.linking.keys import query_keys

LONG = ("The new ferry will leave the northern pier every forty minutes, and the council will pay "
        "for the extra crews out of the harbour fund.")


def test_canonical_folds_case_quotes_dashes_and_accents() -> None:
    assert canonical("“Café — it’s OPEN,” she…") == canonical('"cafe - its open," she...')
    assert canonical("We'll win.") == "well win"
    assert canonical("It cost 3,500 dollars") == "it cost 3500 dollars"
    w = words("We will go … and we will stay")
    assert w.gaps == frozenset({3})


def test_kinds() -> None:
    b = words(LONG)
    assert compare(words(LONG), b).kind == "verbatim"
    assert compare(words(LONG.replace(",", "").lower()), b).kind == "re-punctuated"
    short = "The new ferry will leave the northern pier every forty minutes."
    c = compare(words(short), b)
    assert c.kind == "shortened" and c.joinable
    assert compare(b, words(short)).kind == "longer"
    ell = "The new ferry will leave the northern pier ... the council will pay for the extra crews"
    assert compare(words(ell), b).kind == "shortened"
    changed = LONG.replace("forty", "ninety")
    c = compare(words(changed), b)
    assert c.kind == "altered" and c.joinable and c.edits == 1
    added = LONG.replace("extra crews", "extra night crews")
    assert compare(words(added), b).kind == "altered"
    dropped = LONG.replace("northern ", "")
    assert compare(words(dropped), b).kind == "altered"


def test_unrelated_and_too_different_do_not_join() -> None:
    b = words(LONG)
    other = "The old tram will stop at the southern gate every ten minutes, and the mayor will pay the drivers."
    assert not compare(words(other), b).joinable
    many = LONG.replace("ferry", "bus").replace("northern", "eastern").replace("forty", "five") \
        .replace("council", "company").replace("harbour", "road")
    assert not compare(words(many), b).joinable
    assert not compare(words("will leave the pier"), b).joinable or len(words("will leave the pier")) >= 4


def test_diff_segments_show_changes() -> None:
    a, b = words(LONG.replace("forty", "ninety")), words(LONG)
    segs = diff_segments(a, b)
    assert {"op": "changed", "text": "ninety", "was": "forty"} in segs
    segs = diff_segments(words("The new ferry will leave the northern pier every forty minutes."), b)
    assert segs[-1]["op"] == "cut" and segs[-1]["was"].startswith("and the council")


def test_keys_are_stable_and_shared_by_a_shortened_copy() -> None:
    w = words(LONG)
    assert keys(w) == keys(words(LONG))
    assert all(0 <= k < 2 ** 63 for k in keys(w))
    part = words("will leave the northern pier every forty minutes")
    assert set(query_keys(part)) & set(keys(w))


def test_speakers() -> None:
    assert names_compatible("Hillary Clinton", "Clinton")
    assert names_compatible("Mrs. Clinton", "Hillary Rodham Clinton")
    assert not names_compatible("Bill Clinton", "Hillary Clinton")
    assert not names_compatible("Ana Lima", "Ben Ode")
    assert same_speaker(None, None, "Ana Lima", 1, 14)        # long enough to be unambiguous
    assert not same_speaker(None, None, "Ana Lima", 1, 6)     # too short for an unnamed source
    assert same_speaker("A. Lima", 7, "Ana Lima", 7, 5)        # the same resolved speaker id


def test_clusterer_joins_variants_and_keeps_people_apart() -> None:
    cl = Clusterer()
    a, _ = cl.add(Member(1, "The new ferry will leave the northern pier every forty minutes.", "Ana Lima", None,
                         "2024-05-02", 1))
    b, kind = cl.add(Member(2, LONG, "Lima", None, "2024-05-01", 2))
    assert a == b and kind == "verbatim"  # the longer text took over
    assert cl.clusters[a].text == LONG
    assert [m.kind for m in cl.members[a]] == ["shortened", "verbatim"]
    c, kind = cl.add(Member(3, LONG.replace("forty", "ninety"), "Ana Lima", None, None, 3))
    assert c == a and kind == "altered"
    d, _ = cl.add(Member(4, LONG, "Ben Ode", None, None, 4))
    assert d != a
    e, _ = cl.add(Member(5, "A reply nobody else gave about the weather today", "Ana Lima", None, None, 5))
    assert e not in (a, d)
    assert cl.add(Member(6, "Too short", "Ana Lima"))[0] is None
    assert cl.add(Member(7, LONG, "Ana Lima"), kind="indirect")[0] is None
    assert first_appearance(cl.members[a]).quote == 2  # earliest date, not the first ingested


def test_random_unrelated_sentences_stay_apart() -> None:
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(400)]
    cl = Clusterer()
    for i in range(300):
        cl.add(Member(i, " ".join(rng.choice(vocab) for _ in range(rng.randint(8, 30))), "Ana Lima"))
    assert len(cl.clusters) == 300
