"""Running the web app: in this process, or as N worker processes on one port.

``serve_here(app, host, port)`` runs uvicorn in this process (``--workers 1``);
``serve_workers(url, host, port, n)`` runs n worker processes. Those are spawned
processes, each with its own app, archive connections and listening socket bound with
``SO_REUSEPORT``, so the kernel spreads new connections evenly over the workers (one shared
socket lets whichever worker wakes first take a whole burst of connections). This process only
supervises: it restarts a worker that dies, and stops them all on Ctrl-C or SIGTERM.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import threading
import time
from typing import Any, Callable

BACKLOG = 2048
THREADS = 16  # requests one process runs at once in its thread pool (= web.app.POOL_SIZE connections)
RESTART_LIMIT = 5  # workers that die this many times within a minute are not restarted again


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def uvicorn_config(app: Any, **kw: Any) -> Any:
    import uvicorn

    return uvicorn.Config(app, log_level="warning", server_header=False, backlog=BACKLOG, **kw)


def limit_threads(total: int = THREADS) -> None:
    """Fewer threads than anyio's default 40: on a few cores, more only contend for the GIL."""
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = total


def _server(config: Any) -> Any:
    import uvicorn

    class Server(uvicorn.Server):
        async def startup(self, sockets: Any = None) -> None:
            limit_threads()  # inside the event loop: the limiter belongs to it
            await super().startup(sockets=sockets)

    return Server(config)


def serve_here(app: Any, host: str, port: int) -> None:
    _server(uvicorn_config(app, host=host, port=port)).run()


def _listen(host: str, port: int) -> socket.socket:
    family, kind, proto, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    if family == socket.AF_INET6:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    sock.bind(addr)
    sock.listen(BACKLOG)
    sock.set_inheritable(True)
    return sock


def _worker(url: str | None, host: str, port: int, cache_mb: float | None = None) -> None:
    """One worker process: its own archive connections, its own socket in the port's group."""
    from quotewire.web import create_app

    sock = _listen(host, port)
    app = create_app(url) if cache_mb is None else create_app(url, cache_mb=cache_mb)
    server = _server(uvicorn_config(app))
    try:
        server.run(sockets=[sock])  # SIGINT / SIGTERM: finishes the requests in flight, then returns
    except KeyboardInterrupt:  # uvicorn raises the signal again once it has shut down
        pass


def serve_workers(url: str | None, host: str, port: int, workers: int,
                  on_error: Callable[[str], None] | None = None, cache_mb: float | None = None) -> int:
    """Runs ``workers`` processes until Ctrl-C or SIGTERM; returns the exit status.
    ``cache_mb``: each worker's response cache (web/cache.py; None: the default, 0: off)."""
    ctx = multiprocessing.get_context("spawn")
    stopping = threading.Event()

    def stop(_sig: int, _frame: Any) -> None:
        stopping.set()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}

    def start() -> Any:
        proc = ctx.Process(target=_worker, args=(url, host, port, cache_mb), name="quotewire-web", daemon=False)
        proc.start()
        return proc

    procs = [start() for _ in range(workers)]
    deaths: list[float] = []
    status = 0
    try:
        while not stopping.wait(0.5):
            for i, proc in enumerate(procs):
                if proc.is_alive() or stopping.is_set():
                    continue
                now = time.monotonic()
                deaths = [t for t in deaths if now - t < 60] + [now]
                if len(deaths) >= RESTART_LIMIT:
                    if on_error:
                        on_error(f"web workers keep exiting (last status {proc.exitcode}): stopping")
                    status = 1
                    stopping.set()
                    break
                procs[i] = start()
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()  # SIGTERM: uvicorn finishes the requests in flight, then exits
        deadline = time.monotonic() + 15
        for proc in procs:
            proc.join(max(0.1, deadline - time.monotonic()))
            if proc.is_alive():
                proc.kill()
                proc.join(5)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return status
