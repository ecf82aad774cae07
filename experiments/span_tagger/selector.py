"""A learned selector for the tagger's extra quotes, fitted on held-out train articles only.

    .venv/bin/python experiments/span_tagger/selector.py --name lstm_all.l1

Fits the project's sparse logistic regression (quotewire.attribution.train.fit) on the tagger
quotes of the 84 train articles the tagger never trained on (make_heldout.py; NAME.held.dev.jsonl
from evaluate.py --gold /tmp/span_tagger/heldout --docbin held.spacy --tag .held), over the
quotes that lie at least half outside every rule content there. Label: the scorer's test
(content Jaccard >= 0.5 with a gold attribution whose source shares a token, or neither has one).
The threshold is the one that maximises the merged attribution F1 on those held-out articles.
Then the rules + the selected extras on dev are scored once with polnear_score.py.
Caveat: the rule scorer itself was trained on all of train, held-out articles included.
"""
from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
import polnear_score as ps  # noqa: E402

from quotewire.attribution.train import fit  # noqa: E402

M = Path("/tmp/span_tagger/models")
SCORER = ROOT.parent / "shared" / "tools" / "polnear_score.py"
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev"
HELD = Path("/tmp/span_tagger/heldout")


def pieces(q: dict) -> list[tuple[int, int]]:
    c = q["content"]
    return [tuple(p) for p in c.get("parts") or [[c["start"], c["end"]]]]  # type: ignore[misc]


def read(path: Path) -> dict[str, dict]:
    return {r["doc_id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def features(q: dict, share: float, text: str) -> list[str]:
    c = q["confidence"]
    words = len(q["content"]["text"].split())
    cue = (q.get("cue") or {}).get("text", "").lower()
    m = (q.get("speaker") or {}).get("mention")
    src = m["text"] if m else ""
    f = ["bias", f"conf={min(int(c * 20), 19)}", f"kind={q['kind']}", f"words={min(int(math.log2(words + 1)), 7)}",
         f"parts={len(q['content'].get('parts') or [0])}", f"cue={cue or '-'}", f"hascue={bool(cue)}",
         f"hassrc={bool(src)}", f"share={int(share * 4)}", f"srcwords={min(len(src.split()), 4)}"]
    if src and len(src.split()) == 1:
        f.append(f"src1={src.lower()}")
    if src[:1].isupper():
        f.append("src_cap")
    f.append(f"conf_cue={min(int(c * 10), 9)}|{bool(cue)}|{bool(src)}")
    return f


def extras(rules: dict, tag: dict, gold: dict | None):
    """(doc_id, quote, features, label) for every tagger quote mostly outside the rule contents."""
    out = []
    for name, r in rules.items():
        tokens = ps.Tokens(r["text"])
        rq = [tokens.covered(pieces(q)) for q in r["quotes"]]
        rt = frozenset().union(*rq) if rq else frozenset()
        g = gold[name].attributions if gold else []
        for q in tag.get(name, {"quotes": []})["quotes"]:
            p = tokens.covered(pieces(q))
            if not p:
                continue
            share = len(p & rt) / len(p)
            if share >= 0.5:
                continue
            m = (q.get("speaker") or {}).get("mention")
            s = tokens.covered([(m["start"], m["end"])]) if m else frozenset()
            y = 0
            for a in g:
                gc, gs = tokens.covered(a.content), tokens.covered(a.source)
                if ps.jaccard(p, gc) >= 0.5 and ((s & gs) or (not s and not gs)):
                    y = 1
                    break
            out.append((name, q, features(q, share, r["text"]), y))
    return out


def prob(w: dict[str, float], f: list[str]) -> float:
    z = sum(w.get(x, 0.0) for x in f)
    return 1 / (1 + math.exp(-max(min(z, 30), -30)))


def write_merged(rules: dict, chosen: dict[str, list], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for name, r in sorted(rules.items()):
            f.write(json.dumps({**r, "quotes": list(r["quotes"]) + chosen.get(name, [])}, ensure_ascii=False) + "\n")


def score(gold_dir: Path, path: Path) -> dict:
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold_dir), "--pred", str(path), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True, help="e.g. lstm_all.l1 (reads NAME.held.dev.jsonl and NAME.dev.jsonl)")
    a = ap.parse_args()
    held_gold, _ = ps.load_gold(str(HELD))
    train = extras(read(Path("/tmp/span_tagger/rules_held.jsonl")), read(M / f"{a.name}.held.dev.jsonl"), held_gold)
    w = fit([f for _, _, f, _ in train], [y for *_, y in train], epochs=20, min_count=2)
    rules_h = read(Path("/tmp/span_tagger/rules_held.jsonl"))
    best = (-1.0, 0.5)
    sweep = {}
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        chosen: dict[str, list] = {}
        for name, q, f, _ in train:  # in-sample for the weights, but only the threshold is chosen here
            if prob(w, f) >= t:
                chosen.setdefault(name, []).append(q)
        path = M / f"{a.name}.sel-held-{t}.jsonl"
        write_merged(rules_h, chosen, path)
        f1 = score(HELD, path)["attribution"]["f1"]
        sweep[t] = f1
        if f1 > best[0]:
            best = (f1, t)
    dev_gold, _ = ps.load_gold(str(DEV))
    rules_d = read(Path("/tmp/span_tagger/rules_dev.jsonl"))
    dev = extras(rules_d, read(M / f"{a.name}.dev.jsonl"), dev_gold)
    chosen = {}
    kept = right = 0
    for name, q, f, y in dev:
        if prob(w, f) >= best[1]:
            chosen.setdefault(name, []).append(q)
            kept += 1
            right += y
    path = M / f"{a.name}.sel-dev.jsonl"
    write_merged(rules_d, chosen, path)
    rep = score(DEV, path)
    print(json.dumps({"held_extras": len(train), "held_right": sum(y for *_, y in train), "weights": len(w),
                      "held_sweep_f1": sweep, "threshold": best[1],
                      "dev_extras": len(dev), "dev_extras_right": sum(y for *_, y in dev),
                      "dev_selected": kept, "dev_selected_right": right,
                      "dev_merged": {k: rep["attribution"][k] for k in ("precision", "recall", "f1", "tp", "pred")},
                      "dev_direct_f1": rep["direct"]["attribution"]["f1"]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
