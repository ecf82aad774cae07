"""Where the tagger's extra recall lies, and the ceiling of rules + tagger proposals.

    .venv/bin/python experiments/span_tagger/analyze.py --pred /tmp/span_tagger/models/NAME.l1.dev.jsonl \
        [--rules /tmp/span_tagger/rules_dev.jsonl]

For the gold dev attributions the rules do not find (no content pair at Jaccard >= 0.5), by kind
(direct / mixed / indirect, as polnear_score.py --write-gold names them): how many the tagger's
linked quotes find, and how many of those with a right source; for the tagger quotes outside
the rule contents that find a gold content, what became of their source. Then the oracle ceiling: the rules
plus only those tagger quotes (outside every rule content) that are right, i.e. what a perfect
selector over the tagger's proposals would reach with the scorer's own pairing.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
import polnear_score as ps  # noqa: E402

GOLD = ROOT.parent / "shared" / "data" / "polnear" / "dev"


def pieces(q: dict) -> list[tuple[int, int]]:
    c = q["content"]
    return [tuple(p) for p in c.get("parts") or [[c["start"], c["end"]]]]  # type: ignore[misc]


def src(q: dict) -> list[tuple[int, int]]:
    m = (q.get("speaker") or {}).get("mention")
    return [(m["start"], m["end"])] if m else []


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pred", type=Path, required=True)
    ap.add_argument("--rules", type=Path, default=Path("/tmp/span_tagger/rules_dev.jsonl"))
    a = ap.parse_args()
    gold, _ = ps.load_gold(str(GOLD))
    rules = {json.loads(x)["doc_id"]: json.loads(x) for x in a.rules.read_text().splitlines()}
    tag = {json.loads(x)["doc_id"]: json.loads(x) for x in a.pred.read_text().splitlines()}
    miss, found, right, status = Counter(), Counter(), Counter(), Counter()
    oracle_tp = oracle_pred = any_src_tp = any_src_pred = 0
    for name, art in gold.items():
        tokens = ps.Tokens(art.text)
        recs = [ps.article_record(art)["quotes"][i]["kind"] for i in range(len(art.attributions))]
        gc = [tokens.covered(g.content) for g in art.attributions]
        gs = [tokens.covered(g.source) for g in art.attributions]
        rq = [tokens.covered(pieces(q)) for q in rules[name]["quotes"]]
        rs = [tokens.covered(src(q)) for q in rules[name]["quotes"]]
        rp = ps.pair(rq, gc)
        hit = {j for _, j in rp}
        r_ok = sum(1 for i, j in rp if (rs[i] & gs[j]) or (not rs[i] and not gs[j]))
        rule_tokens = frozenset().union(*rq) if rq else frozenset()
        tq = [q for q in tag.get(name, {"quotes": []})["quotes"]]
        tc = [tokens.covered(pieces(q)) for q in tq]
        ts = [tokens.covered(src(q)) for q in tq]
        tp = ps.pair(tc, gc)
        by_gold = {j: i for i, j in tp}
        for j, g in enumerate(gc):
            if j in hit:
                continue
            miss[recs[j]] += 1
            if j in by_gold:
                i = by_gold[j]
                found[recs[j]] += 1
                right[recs[j]] += bool((ts[i] & gs[j]) or (not ts[i] and not gs[j]))
        for i in [i for i, c in enumerate(tc) if c and len(c & rule_tokens) / len(c) < 0.5]:
            for j, g in enumerate(gc):
                if ps.jaccard(tc[i], g) >= ps.JACCARD_MIN:
                    s, t = ts[i], gs[j]
                    state = "right" if (s & t) or (not s and not t) else (
                        "no predicted source" if not s else "gold has none" if not t else "wrong span")
                    status[f"{state}, {'cue' if tq[i].get('cue') else 'no cue'}"] += 1
                    break
        # oracle: rules + extra tagger quotes that pair (one-to-one, after the rules) with a gold the rules miss
        extras = [i for i, c in enumerate(tc) if c and len(c & rule_tokens) / len(c) < 0.5]
        free = [j for j in range(len(gc)) if j not in hit]
        ep = ps.pair([tc[i] for i in extras], [gc[j] for j in free])
        add = sum(1 for x, y in ep if (ts[extras[x]] & gs[free[y]]) or (not ts[extras[x]] and not gs[free[y]]))
        oracle_tp += r_ok + add
        oracle_pred += len(rq) + add
        any_src_tp += r_ok + len(ep)
        any_src_pred += len(rq) + len(ep)
    gold_n = sum(len(g.attributions) for g in gold.values())
    p, r = oracle_tp / oracle_pred, oracle_tp / gold_n
    out = {"extras_finding_a_gold_content_by_source": dict(status), "rule_missed_by_kind": dict(miss), "tagger_found": dict(found), "tagger_found_right_source": dict(right),
           "oracle_rules_plus_right_tagger_extras": {"P": round(p, 3), "R": round(r, 3),
                                                     "F1": round(2 * p * r / (p + r), 3), "tp": oracle_tp}}
    p, r = any_src_tp / any_src_pred, any_src_tp / gold_n
    out["oracle_same_with_every_found_content_given_its_right_source"] = {
        "P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r), 3), "tp": any_src_tp}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
