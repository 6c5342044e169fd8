"""``directive-nlp serve``: the web page for people who do not use a terminal."""

from __future__ import annotations

import errno
import socket

import typer

from ..errors import InputError
from ._app import app, guarded, usage


def listen_socket(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a busy port or a wrong
    address is one line and exit 1 (uvicorn would log it and exit with
    its own words); the server is then handed this very socket."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as e:
        raise InputError(f"--host {host!r} is not an address of this computer ({e})")
    family, kind, proto, _, addr = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(addr)
        sock.listen(128)
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            raise InputError(f"port {port} on {host} is already in use; stop the other server or give --port")
        raise InputError(f"cannot listen on {host}:{port} ({e.strerror or e}); give another --host or --port")
    sock.set_inheritable(True)
    return sock


@app.command("serve")
@guarded
def serve_cli(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this computer only)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    max_upload_mb: int = typer.Option(20, "--max-upload-mb", help="Largest file accepted, in MB."),
    max_pages: int = typer.Option(150, "--max-pages", help="Pages read of an uploaded PDF at most."),
    no_graph: bool = typer.Option(False, "--no-graph", help="Do not draw the responsibility graph (faster)."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes reading documents at once."),
    time_limit: float = typer.Option(120.0, "--time-limit", min=1.0,
                                     help="Seconds one request may take (reading included); then it is stopped."),
    max_worker_mb: int = typer.Option(900, "--max-worker-mb", min=100,
                                      help="A worker using more memory than this after a document is replaced."),
) -> None:
    """Start the web page: upload a plan, correct the tasks, download the checklist.

    A busy port or an unknown address is one line and exit 1; a wrong option 2."""
    import uvicorn

    from ..web import create_app

    if not 0 < port < 65536:
        usage(f"--port {port} is not a port number (1-65535)")
    if max_pages < 1:
        usage("--max-pages must be at least 1")
    if max_upload_mb < 1:
        usage("--max-upload-mb must be at least 1")
    sock = listen_socket(host, port)
    typer.echo(f"directive-nlp web page on http://{host}:{port}/  (Ctrl+C to stop)", err=True)
    config = uvicorn.Config(create_app(max_upload_bytes=max_upload_mb * 1024 * 1024, graph=not no_graph,
                                       max_pages=max_pages, workers=workers, time_limit=time_limit,
                                       max_rss_mb=max_worker_mb),
                            host=host, port=port, log_level="warning", timeout_graceful_shutdown=2)
    uvicorn.Server(config).run(sockets=[sock])
