"""Italian: the layer of nlp/europe.py (shared segmentation and dash dialogue). No model: the rules need capitalisation, the data file and name endings only."""
from __future__ import annotations

from quotewire.nlp.europe import module

load, name, parse, analyze = module("it", morph=False)
