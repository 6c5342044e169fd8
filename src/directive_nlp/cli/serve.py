"""``directive-nlp serve``: the web page for people who do not use a terminal."""

from __future__ import annotations

import typer

from ..errors import InputError
from ._app import app, guarded


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
    """Start the web page: upload a plan, correct the tasks, download the checklist."""
    import uvicorn

    from ..web import create_app

    if not 0 < port < 65536:
        raise InputError(f"--port {port} is not a port number (1-65535)")
    if max_pages < 1:
        raise InputError("--max-pages must be at least 1")
    if max_upload_mb < 1:
        raise InputError("--max-upload-mb must be at least 1")
    typer.echo(f"directive-nlp web page on http://{host}:{port}/  (Ctrl+C to stop)", err=True)
    uvicorn.run(create_app(max_upload_bytes=max_upload_mb * 1024 * 1024, graph=not no_graph,
                           max_pages=max_pages, workers=workers, time_limit=time_limit, max_rss_mb=max_worker_mb),
                host=host, port=port, log_level="warning", timeout_graceful_shutdown=2)
