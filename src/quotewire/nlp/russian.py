"""Russian: the layer of nlp/europe.py (shared segmentation and dash dialogue). pymorphy3 2.0.6 and its Russian dictionary (pymorphy3-dicts-ru) give lemmas and Name/Surn/Patr grammemes."""
from __future__ import annotations

from quotewire.nlp.europe import module

load, name, parse, analyze = module("ru", morph=True)
