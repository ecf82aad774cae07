"""The language layer: loaded once, lazily, only for a text of its language; English untouched."""
from __future__ import annotations

import json
import subprocess
import sys

from quotewire import pipeline
from quotewire.nlp import languages
from tests.conftest import ROOT

ENGLISH = ("The council met on Monday.\n\n\"We will rebuild the bridge by the summer,\" Mayor Ana Lima said. "
           "She said the city was ready. According to the police, two people were hurt.")
GERMAN = "Der Stadtrat tagte bis spät. „Wir bauen die Brücke neu“, sagte Bürgermeisterin Anna Keller am Dienstag."

_PROBE = """
import json, sys
from quotewire import pipeline
from quotewire.nlp import languages
texts = json.loads(sys.argv[1])
out = []
for t in texts:
    a = pipeline.process(t.encode(), form="body").article
    out.append(a.language)
print(json.dumps({"langs": out, "loaded": sorted(languages.loaded()), "hanta": "HanTa" in sys.modules,
                  "german": "quotewire.nlp.german" in sys.modules}))
"""


def _probe(texts: list[str]) -> dict:  # type: ignore[type-arg]
    res = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(texts)], capture_output=True, text=True,
                         timeout=300, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_an_english_only_process_never_loads_another_language() -> None:
    seen = _probe([ENGLISH, ENGLISH])
    assert seen == {"langs": ["en", "en"], "loaded": [], "hanta": False, "german": False}


def test_a_german_text_loads_the_german_layer_once() -> None:
    seen = _probe([ENGLISH, GERMAN, GERMAN])
    assert seen == {"langs": ["en", "de", "de"], "loaded": ["de"], "hanta": True, "german": True}
    first = languages.layer("de")
    assert languages.layer("de") is first


def test_english_reads_exactly_as_without_the_language_layer(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Before/after: the same English pages give byte-for-byte the same records with the layer off."""
    pages = [ENGLISH] + [p.read_bytes() for p in sorted((ROOT / "src" / "quotewire" / "samples").glob("*"))
                         if p.is_file()][:5]
    def run() -> list[str]:
        out = []
        for page in pages:
            r = pipeline.process(page.encode() if isinstance(page, str) else page)
            out.append(r.model_dump_json())
        return out
    with_layer = run()
    monkeypatch.setattr(languages, "LAYERS", {})
    assert run() == with_layer
    assert any('"quotes":[{' in r for r in with_layer)  # the English pages do have quotes


def test_segmentation_keeps_a_quotation_of_several_sentences_in_one_sentence() -> None:
    text = "Er sagte am 3. Mai: „Wir sind bereit. Wir fangen an.“ Dr. Roe nickte. Danach ging es los."
    p = languages.parse("de", text)
    said = [text[p.tokens[s].start:p.tokens[e - 1].end] for s, e in p.sentences]
    assert said == ["Er sagte am 3. Mai: „Wir sind bereit. Wir fangen an.“", "Dr. Roe nickte.", "Danach ging es los."]
    assert [(text[q.start], text[q.end - 1]) for q in p.quotes] == [("„", "“")]


def test_guillemets_either_way_round() -> None:
    for text in ("Sie rief »Halt« und »Stopp« laut.", "Sie rief «Halt» und «Stopp» laut."):
        p = languages.parse("de", text)
        assert [text[q.start + 1:q.end - 1] for q in p.quotes] == ["Halt", "Stopp"]


def test_word_analysis_gives_lemma_and_proper_noun_tag() -> None:
    analyze = languages.layer("de").analyze
    assert analyze("Hofers") == ("Hofer", "NE")
    assert analyze("sagte")[0] == "sagen"


_PROBE_EUROPE = """
import json, sys
from quotewire import pipeline
from quotewire.nlp import languages
texts = json.loads(sys.argv[1])
langs = [pipeline.process(t.encode(), form="body").article.language for t in texts]
heavy = ["pymorphy3", "pymorphy3_dicts_ru", "pymorphy3_dicts_uk", "HanTa", "quotewire.nlp.europe",
         "quotewire.attribution.languages.generic"] + [languages.LAYERS[k] for k in ("fr", "es", "it", "pl", "ru", "uk")]
print(json.dumps({"langs": langs, "loaded": sorted(languages.loaded()), "imported": sorted(m for m in heavy if m in sys.modules)}))
"""

FRENCH = "Le conseil municipal a voté le budget. « Nous tiendrons nos engagements », a déclaré la maire Sophie Garnier."
RUSSIAN = "Городской совет утвердил бюджет. «Мы выполним все обязательства», — заявил мэр Игорь Соколов."


def _probe_europe(texts: list[str]) -> dict:  # type: ignore[type-arg]
    res = subprocess.run([sys.executable, "-c", _PROBE_EUROPE, json.dumps(texts)], capture_output=True, text=True,
                         timeout=300, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_an_english_only_process_imports_none_of_the_european_layers() -> None:
    assert _probe_europe([ENGLISH, ENGLISH]) == {"langs": ["en", "en"], "loaded": [], "imported": []}


def test_each_european_layer_loads_alone_and_only_slavic_ones_load_pymorphy3() -> None:
    seen = _probe_europe([ENGLISH, FRENCH])
    assert seen["langs"] == ["en", "fr"] and seen["loaded"] == ["fr"]
    assert seen["imported"] == sorted(["quotewire.nlp.europe", "quotewire.nlp.french", "quotewire.attribution.languages.generic"])
    seen = _probe_europe([RUSSIAN])
    assert seen["langs"] == ["ru"] and seen["loaded"] == ["ru"]
    assert "pymorphy3" in seen["imported"] and "pymorphy3_dicts_ru" in seen["imported"]
    assert "HanTa" not in seen["imported"] and "quotewire.nlp.ukrainian" not in seen["imported"]


def test_dash_dialogue_spans_and_a_french_guillemet_after_a_stop() -> None:
    text = "Он вошел в зал.\n— Мы победим, — заявил он. — Это точно.\n— Нет, — ответила она."
    p = languages.parse("ru", text)
    assert [text[q.inner[0]:q.inner[1]].strip(" ,") for q in p.quotes] == ["Мы победим", "Это точно.", "Нет"]
    text = "Il est entré. « Nous gagnerons. Nous le savons », a-t-il dit."
    p = languages.parse("fr", text)
    said = [text[p.tokens[s].start:p.tokens[e - 1].end] for s, e in p.sentences]
    assert said == ["Il est entré.", "« Nous gagnerons. Nous le savons », a-t-il dit."]
    # a dash list without narration is no dialogue
    assert languages.parse("ru", "План:\n\n— дороги;\n— школы.").quotes == []
