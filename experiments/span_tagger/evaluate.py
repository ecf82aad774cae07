"""Score a trained span tagger on PolNeAR dev, link its spans crudely, merge with the rules.

    OMP_NUM_THREADS=1 BLIS_NUM_THREADS=1 nice -n 10 .venv/bin/python experiments/span_tagger/evaluate.py \
        --name cnn_base [--rules /tmp/span_tagger/rules_dev.jsonl] [--speed]

Reads /tmp/span_tagger/dev.spacy (convert.py: the project's parse of every dev article) and the
model /tmp/span_tagger/models/NAME. Prints (and writes to models/NAME.eval.json):
  * token P/R/F1 per label (non-space tokens, B/I ignored);
  * content spans: predicted content spans, how many pair one-to-one with a gold content at
    Jaccard >= 0.5 over the scorer's \\w tokens (../shared/tools/polnear_score.py's own pairing);
  * against the rule output (quotewire extract ... --act all --join-runs): how many gold
    attributions the rules do not find (no content pair) have their content found by the tagger,
    and the precision of the tagger's extra contents (those the rules do not cover);
  * a crude linker (content -> nearest predicted cue in its sentence -> nearest predicted source
    of that cue's sentence; contents sharing a cue become one quote in parts) written as contract
    JSONL (models/NAME.dev.jsonl) and scored with polnear_score.py, alone and merged with the
    rules (tagger quotes whose content lies mostly outside every rule content, at several
    confidence floors: models/NAME.merged-T.jsonl);
  * with --speed: parse-only (quotewire.nlp.model.parse_many) and tagger (features + forward
    pass over the parsed Docs) on the dev texts in the same process, tokens/s and articles/s.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import spacy

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
from common import add_features, decode, load_docs, token_prf  # noqa: E402

import polnear_score as ps  # noqa: E402

SCORER = ROOT.parent / "shared" / "tools" / "polnear_score.py"
GOLD = ROOT.parent / "shared" / "data" / "polnear" / "dev"
GOLD_DIR = [GOLD]


def tag_with_probs(tagger, docs, batch: int = 8):
    labels = tagger.labels
    tags, conf = [], []
    for i in range(0, len(docs), batch):
        for s in tagger.model.predict(docs[i:i + batch]):
            s = tagger.model.ops.to_numpy(s)
            s = np.exp(s - s.max(axis=1, keepdims=True))  # Tagger.v2 normalize=False predicts logits
            s = s / s.sum(axis=1, keepdims=True)
            tags.append([labels[j] for j in s.argmax(axis=1)])
            conf.append(s.max(axis=1))
    return tags, conf


def trim(doc, i: int, j: int) -> tuple[int, int]:
    while i < j and (doc[i].is_space or doc[i].is_punct and doc[i].text not in "\"“”«»'‘’"):
        i += 1
    while j > i and (doc[j - 1].is_space):
        j -= 1
    return i, j


def chars(doc, i: int, j: int) -> tuple[int, int]:
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)


def link(doc, text: str, tags: list[str], conf: np.ndarray, version: int = 2) -> list[dict]:
    """v1: every content span is a quote; contents that share a cue are one quote in parts.
    v2: also content fragments split only by punctuation or spaces are one span, contents of
    fewer than 3 words are dropped, and a content with no cue of its own continues the quote
    before it in the same paragraph (no cue or source between them), else it is dropped.
    v3: v1, and where no predicted source is found, the parse's subject of the cue verb (or of
    the verb governing the content's clause when there is no cue) is the source."""
    spans = []
    for lab, i, j in decode(tags):
        i, j = trim(doc, i, j)
        if i < j:
            spans.append((lab, i, j))
    cues = [s for s in spans if s[0] == "CUE"]
    sources = [s for s in spans if s[0] == "SOURCE"]
    contents = [s for s in spans if s[0] == "CONTENT"]
    if version == 2:
        merged: list[tuple[str, int, int]] = []
        for c in contents:
            if merged and all(t.is_space or t.is_punct for t in doc[merged[-1][2]:c[1]]) and \
                    not any(merged[-1][2] <= x[1] < c[1] for x in cues + sources):
                merged[-1] = ("CONTENT", merged[-1][1], c[2])
            else:
                merged.append(c)
        contents = [c for c in merged if sum(not t.is_space and not t.is_punct for t in doc[c[1]:c[2]]) >= 3]

    def sent(i: int) -> int:
        return doc[i].sent.start

    def dist(a, b) -> int:
        return max(b[1] - a[2], a[1] - b[2], 0)

    def nearest(anchor, pool, sents: set[int], window: int):
        best = None
        for s in pool:
            d = dist(anchor, s)
            if sent(s[1]) in sents or d <= window:
                if best is None or d < best[0]:
                    best = (d, s)
        return best[1] if best else None

    groups: dict[object, list] = {}
    last = None
    for c in contents:
        cue = nearest(c, cues, {sent(c[1]), sent(c[2] - 1)}, 3)
        if cue is None and version == 2:
            gap = doc[last[1][-1][2]:c[1]] if last else None
            if last is not None and not any("\n" in t.text for t in gap) and \
                    not any(last[1][-1][2] <= x[1] < c[1] for x in cues + sources):
                last[1].append(c)
            continue
        key = cue if cue is not None else c
        groups.setdefault(key, []).append(c)
        last = (key, groups[key])
    quotes = []
    for key, cs in groups.items():
        cue = key if key[0] == "CUE" else None
        anchor = cue or cs[0]
        src = nearest(anchor, sources, {sent(anchor[1])}, 3)
        if src is None and version == 3:
            src = subject_of(doc, cue, cs)
        pieces = sorted(chars(doc, c[1], c[2]) for c in cs)
        s, e = pieces[0][0], pieces[-1][1]
        content = {"start": s, "end": e, "text": text[s:e]}
        if len(pieces) > 1:
            content["parts"] = [list(p) for p in pieces]
        toks = [k for c in cs for k in range(c[1], c[2])]
        inside = "".join(text[a:b] for a, b in pieces)
        kind = "direct" if inside[:1] in ps.QUOTE_MARKS and inside.rstrip(" .,")[-1:] in ps.QUOTE_MARKS else (
            "mixed" if any(ch in ps.QUOTE_MARKS for ch in inside) else "indirect")

        def span(x):
            if x is None:
                return None
            a, b = chars(doc, x[1], x[2])
            return {"start": a, "end": b, "text": text[a:b]}
        mention = span(src)
        quotes.append({"kind": kind, "content": content, "cue": span(cue),
                       "speaker": {"name": mention["text"] if mention else None, "role": None, "mention": mention},
                       "confidence": round(float(np.mean(conf[toks])), 4)})
    return quotes


def subject_of(doc, cue, contents):
    """(SOURCE, i, j) of the nominal subject of the cue's verb, or of the verb above the content."""
    verbs = []
    if cue is not None:
        verbs = [t for t in doc[cue[1]:cue[2]] if t.pos_ in ("VERB", "AUX")]
    else:
        root = min((t for c in contents for t in doc[c[1]:c[2]]), key=lambda t: len(list(t.ancestors)))
        if root.dep_ in ("ccomp", "parataxis", "xcomp") and root.head.pos_ == "VERB":
            verbs = [root.head]
    for v in verbs:
        for ch in v.children:
            if ch.dep_ in ("nsubj", "nsubjpass"):
                return ("SOURCE", ch.left_edge.i, ch.i + 1)
    return None


def record(name: str, text: str, quotes: list[dict]) -> dict:
    return {"doc_id": name, "title": None, "category": None, "published": None, "language": "en", "images": [],
            "text": text, "blocks": [], "boilerplate": [], "speakers": [], "quotes": quotes}


def covered(tokens: ps.Tokens, q: dict) -> frozenset[int]:
    c = q["content"]
    return tokens.covered([tuple(p) for p in c.get("parts") or [[c["start"], c["end"]]]])


def run_scorer(path: Path) -> dict:
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD_DIR[0]), "--pred", str(path), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def brief(rep: dict) -> dict:
    return {"attribution": {k: rep["attribution"][k] for k in ("precision", "recall", "f1", "tp", "pred")},
            "found_f1": rep["quote_found"]["f1"], "direct_f1": rep["direct"]["attribution"]["f1"],
            "content_overlap_f1": rep["content"]["overlap"]["f1"], "source_overlap_f1": rep["source"]["overlap"]["f1"],
            "cue_overlap_f1": rep["cue"]["overlap"]["f1"]}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--data", type=Path, default=Path("/tmp/span_tagger"))
    ap.add_argument("--rules", type=Path, default=Path("/tmp/span_tagger/rules_dev.jsonl"))
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--linker", type=int, default=2, choices=(1, 2, 3))
    ap.add_argument("--gold", type=Path, default=GOLD, help="compartment to score against (default: dev)")
    ap.add_argument("--docbin", default="dev.spacy", help="DocBin under --data holding the --gold articles")
    ap.add_argument("--cuelex", action="store_true", help="the model was trained with --features ... cuelex")
    ap.add_argument("--tag", default="", help="suffix of the output files (default: none)")
    ap.add_argument("--floors", type=float, nargs="*", default=[0.0, 0.6, 0.7, 0.8, 0.9])
    a = ap.parse_args()
    mdir = a.data / "models" / a.name
    GOLD_DIR[0] = a.gold
    t0 = time.time()
    nlp = spacy.load(mdir)
    load_s = time.time() - t0
    tagger = nlp.get_pipe("span_tagger")
    docs = load_docs(a.data / a.docbin, nlp.vocab)
    gold, _ = ps.load_gold(str(a.gold))
    report: dict = {"model": a.name, "load_s": round(load_s, 2),
                    "size_mb": round(sum(f.stat().st_size for f in mdir.rglob("*") if f.is_file()) / 1e6, 2)}
    t0 = time.time()
    for d in docs:
        add_features(d, a.cuelex)
    feat_s = time.time() - t0
    t0 = time.time()
    tags, conf = tag_with_probs(tagger, docs)
    tag_s = time.time() - t0
    ntok = sum(len(d) for d in docs)
    report["tagger_only"] = {"features_s": round(feat_s, 2), "forward_s": round(tag_s, 2),
                             "tokens_per_s": round(ntok / (feat_s + tag_s)), "articles": len(docs), "tokens": ntok}
    report["token"] = token_prf(docs, [d.user_data["bio"] for d in docs], tags)

    rules = {}
    for line in a.rules.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        rules[r["doc_id"]] = r
    linked, n_pred_content, n_pair = {}, 0, 0
    miss_gold = miss_found = extra = extra_right = 0
    rule_found = 0
    for d, t, c in zip(docs, tags, conf):
        name = d.user_data["name"]
        art = gold[name]
        tokens = ps.Tokens(art.text)
        quotes = link(d, art.text, t, c, a.linker)
        linked[name] = quotes
        gc = [tokens.covered(g.content) for g in art.attributions]
        pc = [covered(tokens, q) for q in quotes]
        n_pred_content += len(pc)
        tag_pairs = ps.pair(pc, gc)
        n_pair += len(tag_pairs)
        rq = [covered(tokens, q) for q in rules[name]["quotes"]]
        rule_pairs = ps.pair(rq, gc)
        rule_found += len(rule_pairs)
        found_by_rules = {j for _, j in rule_pairs}
        rule_tokens = frozenset().union(*rq) if rq else frozenset()
        for j, g in enumerate(gc):
            if j not in found_by_rules:
                miss_gold += 1
                miss_found += any(ps.jaccard(p, g) >= ps.JACCARD_MIN for p in pc)
        for p in pc:
            if p and len(p & rule_tokens) / len(p) < 0.5:
                extra += 1
                extra_right += any(ps.jaccard(p, g) >= ps.JACCARD_MIN for g in gc)
    report["content_spans"] = {"predicted_quotes": n_pred_content, "paired_with_gold": n_pair,
                               "gold": sum(len(g.attributions) for g in gold.values()),
                               "precision": round(n_pair / max(n_pred_content, 1), 3)}
    report["vs_rules"] = {"gold_not_found_by_rules": miss_gold, "of_those_found_by_tagger": miss_found,
                          "share": round(miss_found / max(miss_gold, 1), 3),
                          "tagger_extra_contents": extra, "extra_matching_a_gold_content": extra_right,
                          "extra_precision": round(extra_right / max(extra, 1), 3), "rules_found": rule_found}
    tag = f"{a.name}.l{a.linker}{a.tag}"
    out = a.data / "models" / f"{tag}.dev.jsonl"
    with open(out, "w", encoding="utf-8") as f:
        for name in sorted(linked):
            f.write(json.dumps(record(name, gold[name].text, linked[name]), ensure_ascii=False) + "\n")
    report["tagger_alone"] = brief(run_scorer(out))
    report["merged"] = {}
    for floor in a.floors:
        path = a.data / "models" / f"{tag}.merged-{floor}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for name in sorted(rules):
                r = dict(rules[name])
                tokens = ps.Tokens(r["text"])
                rq = [covered(tokens, q) for q in r["quotes"]]
                rule_tokens = frozenset().union(*rq) if rq else frozenset()
                add = []
                for q in linked.get(name, []):
                    p = covered(tokens, q)
                    if p and len(p & rule_tokens) / len(p) < 0.5 and q["confidence"] >= floor:
                        add.append(q)
                r["quotes"] = list(r["quotes"]) + add
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        report["merged"][str(floor)] = brief(run_scorer(path))
    report["rules_alone"] = brief(run_scorer(a.rules))
    if a.speed:
        from quotewire.nlp import model as nlp_model
        texts = [gold[d.user_data["name"]].text for d in docs]
        nlp_model.load()
        t0 = time.time()
        parsed = list(nlp_model.parse_many(texts))
        parse_s = time.time() - t0
        t0 = time.time()
        for d in parsed:
            add_features(d, a.cuelex)
        # the tagger reads the vocab's strings: hash features of the project's vocab work as well
        tag_with_probs(tagger, parsed)
        tag2_s = time.time() - t0
        ptok = sum(len(d) for d in parsed)
        report["speed"] = {"parse_only_s": round(parse_s, 2), "parse_tokens_per_s": round(ptok / parse_s),
                           "parse_articles_per_s": round(len(parsed) / parse_s, 2),
                           "tagger_s": round(tag2_s, 2), "tagger_tokens_per_s": round(ptok / tag2_s),
                           "parse_plus_tagger_share_of_parse_rate": round(parse_s / (parse_s + tag2_s), 3),
                           "loadavg": os.getloadavg()}
    (a.data / "models" / f"{tag}.eval.json").write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
