"""The spaCy pipeline and language detection: loaded once per process, shared by every caller."""
from quotewire.nlp.language import detect_language
from quotewire.nlp.model import load, model_name, parse_many

__all__ = ["detect_language", "load", "model_name", "parse_many"]
