"""The shipped models load and attribute with the network switched off: in a fresh process whose
sockets refuse to connect or resolve any host, the spaCy pipeline, the attribution model and the
language layers load from the installed packages and find who said what."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

GUARD = textwrap.dedent("""
    import socket

    def _refuse(*args, **kwargs):
        raise OSError("network disabled for this test")

    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
""")

RUN = GUARD + textwrap.dedent("""
    import json, sys
    import quotewire
    from quotewire.attribution import model

    texts = json.loads(sys.argv[1])
    out = {}
    for lang, text in texts.items():
        a = quotewire.read(text)
        out[lang] = [a.language, [q.speaker.name for q in a.quotes if q.act == "statement"]]
    out["threshold"] = model.load().threshold
    try:
        socket.create_connection(("127.0.0.1", 9))
        out["guard"] = "open"
    except OSError:
        out["guard"] = "closed"
    print(json.dumps(out))
""")

TEXTS = {
    "en": ("The harbour board met on Tuesday to discuss the eastern pier.\n\n"
           "\u201cWe will reopen the pier before the summer season,\u201d said Marta Quillfeather, "
           "the board's chair."),
    "de": ("Der Hafenrat tagte am Dienstag über die Zukunft des Ostpiers.\n\n"
           "\u201eWir öffnen den Pier noch vor der Saison\u201c, sagte die Vorsitzende Marta Quillfeder."),
    "fr": ("Le conseil du port s'est réuni mardi pour parler de la jetée est.\n\n"
           "\u00ab\u00a0Nous rouvrirons la jetée avant l'été\u00a0\u00bb, a déclaré la présidente Marta Quillon."),
}


def test_models_load_and_attribute_with_the_network_off() -> None:
    done = subprocess.run([sys.executable, "-c", RUN, json.dumps(TEXTS)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["guard"] == "closed"  # the guard really held for the whole run
    assert 0.0 < got["threshold"] < 1.0
    assert got["en"] == ["en", ["Marta Quillfeather"]]
    assert got["de"] == ["de", ["Marta Quillfeder"]]
    assert got["fr"] == ["fr", ["Marta Quillon"]]
