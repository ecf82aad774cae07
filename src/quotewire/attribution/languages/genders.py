"""Whom a gendered pronoun can mean: the gender of a pronoun or a past verb, and of a person named.

A person's gender comes, in this order,

- from the analyser, where the language has one (pymorphy3 marks Russian and Ukrainian first
  names and surnames);
- from the name's ending, where the language marks it (Polish ``-ska`` / ``-ski``, a first name
  in ``-a``);
- from the words the article puts right before the name: a title (``Mme``, ``M.``, ``Sra.``,
  ``signora``), a role in a gendered form (``la présidente``, ``la ministra``, ``il ministro``) or
  the determiner of a role that has one form for both (``la porte-parole Anne Roy``,
  ``il portavoce``). The nearest such word decides; a name the article genders both ways is of
  no known gender.

Where nothing tells, the gender is unknown and a pronoun takes the last person named. The words
are language data (``gender_words`` and ``pronoun_genders`` in ``data/languages/LANG.json``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotewire.attribution.languages.generic_words import Lex

_LOOK_BACK = 4  # words between a title or a determiner and the name: roles and determiners only


class Genders:
    """A mixin of ``generic_words.Words``: it reads ``L``, ``p``, ``toks``, ``article_runs``,
    ``is_role`` and ``low`` from it."""

    L: "Lex"
    p: Any
    toks: Any
    article_runs: list[tuple[int, list[int]]]

    def is_role(self, k: int) -> bool:
        raise NotImplementedError

    def low(self, k: int) -> str:
        raise NotImplementedError

    def gender_of_word(self, w: str, verb: bool = False) -> str | None:
        """``f`` / ``m`` of a pronoun, a past verb (ru, uk, pl) or None."""
        g = self.L.pronoun_genders.get(w) or self.L.pronoun_genders.get(w.lower())
        if g is not None:
            return g
        if verb and self.L.morph:
            flags = self.p.analyze(w)[1]
            return "f" if "femn" in flags else "m" if "masc" in flags else None
        if verb:
            return next((g for end, g in self.L.verb_genders if w.endswith(end)), None)
        return None

    def gender_of_name(self, name: str) -> str | None:
        words = name.split()
        if self.L.morph:  # the first name's gender, else the surname's
            for w in (words[0], words[-1]):
                flags = self.p.analyze(w)[1].split()
                if "person" in flags and ("femn" in flags) != ("masc" in flags):
                    return "f" if "femn" in flags else "m"
            return None
        if self.L.name_genders:
            g = next((g for end, g in self.L.name_genders if words[-1].lower().endswith(end)), None)
            if g is None and len(words) >= 2 and self.L.first_name_f:
                g = "f" if words[0].lower().endswith(self.L.first_name_f) else "m"
            if g is not None:
                return g
        return self.named_genders.get(words[-1].lower()) or None

    @property
    def named_genders(self) -> dict[str, str]:
        """Surname (lower case) -> ``f`` / ``m`` from the words before the article's names; ``""``
        where the article says both."""
        if not hasattr(self, "_named_genders"):
            out: dict[str, str] = {}
            if self.L.gender_words:
                for _, idx in self.article_runs:
                    g = self._gender_before(idx[0])
                    key = self.toks[idx[-1]].text.lower()
                    if g is not None:
                        out[key] = g if out.get(key, g) == g else ""
            self._named_genders = out
        return self._named_genders

    def _gender_before(self, first: int) -> str | None:
        gw, k = self.L.gender_words, first - 1
        while k >= 0 and k >= first - _LOOK_BACK:
            t = self.toks[k].text
            if t == "." and k >= 1 and self.toks[k - 1].text + "." in gw:  # ``M. Jean Dupont``, ``Sra. Ruiz``
                return gw[self.toks[k - 1].text + "."]
            g = gw.get(t) or gw.get(t.lower())
            if g is not None:
                return g
            if not (self.is_role(k) or self.low(k) in self.L.determiners):
                return None
            k -= 1
        return None
