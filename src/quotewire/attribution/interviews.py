"""Interviews printed as questions and answers: each answer is the interviewee's direct quote.

A page with at least two paragraphs labelled as questions (``Q:``, ``Question:``) is an
interview. The questions are the interviewer's (the writer's own text: no quote); every answer
paragraph (``A: ...`` and the paragraphs after it up to the next question) is a direct quote of
the interviewee, the person the headline or the lead names, with no mention (layout, not a cue,
says who speaks). Other quotes found inside those paragraphs give way to it. Questions that no
one is named to answer (a guide's FAQ: "Q: How long does a move take?") are the writer's own
text, not an interview.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from quotewire.attribution.lexicon import body_name_words, org_words
from quotewire.attribution.people import Registry, in_lower_case
from quotewire.records import Article, Quote, QuoteSpeaker, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

QUESTION = re.compile(r"(?:Q|Question)\s*[:.\-\u2013\u2014]\s+")
ANSWER = re.compile(r"(?:A|Answer)\s*[:.\-\u2013\u2014]\s+")
MAX_FOLLOWING = 3
MIN_WORDS = 10  # an answer's further paragraph is a paragraph, not a one-line aside


def _interviewee(article: Article, doc: "Doc", reg: Registry, qa_start: int) -> str | None:
    """The person the headline names, else the one the text before the questions names most."""
    text = article.text
    for b in article.blocks:
        if b.kind == "title":
            for e in doc.ents:
                if e.label_ == "PERSON" and b.start <= e.start_char < b.end:
                    p = reg.find(e.text) or reg._person(e)
                    if p is not None and not in_lower_case(text, p.name):
                        return p.name
    seen = Counter(p.name for e in doc.ents if e.label_ == "PERSON" and e.start_char < qa_start
                   for p in [reg.find(e.text)] if p is not None and not in_lower_case(text, p.name))
    if seen:
        return seen.most_common(1)[0][0]
    # the tagger missed the name: two or three capitalised proper nouns before the questions,
    # printed again in the text, that no entity claims as a place or a body
    for sent in doc.sents:
        if sent.start_char >= qa_start:
            break
        run: list = []
        for t in [*sent, None]:
            if t is not None and t.pos_ == "PROPN" and t.is_title and t.ent_type_ not in ("ORG", "GPE", "NORP") \
                    and t.lower_ not in org_words() and t.lower_ not in body_name_words():
                run.append(t)
                continue
            if 2 <= len(run) <= 3:
                name = " ".join(x.text for x in run)
                if text.count(name) >= 2 and not in_lower_case(text, name):
                    return name
            run = []
    return None


def interview_quotes(article: Article, doc: "Doc", reg: Registry) -> bool:
    """Replace the quotes of a question-and-answer page by its answers; False when it is none."""
    paras = [b for b in article.blocks if b.kind in ("paragraph", "quote", "heading")]
    questions = [k for k, b in enumerate(paras) if QUESTION.match(b.text)]
    if len(questions) < 2:
        return False
    name = _interviewee(article, doc, reg, paras[questions[0]].start)
    if name is None:
        return False  # questions nobody is named to answer: a page's FAQ, the writer's own text
    answers: list[tuple[int, int]] = []
    covered: list[tuple[int, int]] = []
    for n, k in enumerate(questions):
        covered.append((paras[k].start, paras[k].end))
        stop = questions[n + 1] if n + 1 < len(questions) else len(paras)
        for j in range(k + 1, min(stop, k + 2 + MAX_FOLLOWING)):
            b = paras[j]
            label = ANSWER.match(b.text)
            if b.kind == "heading" and label is None:
                break
            if j > k + 1 and label is None and (len(b.text.split()) < MIN_WORDS
                                                or b.text.rstrip()[-1:] not in ".!?\u201d\""):
                break  # "Thanks, Jane!": the interviewer's own line
            start = b.start + (label.end() if label else 0)
            answers.append((start, b.end))
            covered.append((b.start, b.end))
    kept = [q for q in article.quotes
            if not any(a <= q.content.start and q.content.end <= b for a, b in covered)]
    text = article.text
    for a, b in answers:
        kept.append(Quote(kind="direct", content=Span(start=a, end=b, text=text[a:b]), cue=None,
                          speaker=QuoteSpeaker(name=name, kind="person"), confidence=0.8))
    kept.sort(key=lambda q: q.content.start)
    article.quotes = kept
    return True
