"""Routes, one module per resource; each holds a page and its JSON twin."""
