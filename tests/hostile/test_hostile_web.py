"""The web server under hostile use: security headers, relative URLs, the
Origin check, the real upload cap in its messages, and work done in worker
processes that a time budget, a departed client or SIGTERM stops."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from builders import web_client
import hostile_inputs as H
from directive_nlp.errors import TimeBudgetError


@pytest.fixture(scope="module")
def client():
    return web_client(max_upload_bytes=400_000, graph=False)


def test_every_answer_carries_the_security_headers(client):
    from directive_nlp.web.app import SECURITY_HEADERS

    for r in (client.get("/"), client.get("/nowhere"), client.get("/static/style.css"),
              client.post("/extract", files={"file": ("a.txt", b"")})):
        for name, value in SECURITY_HEADERS.items():
            assert r.headers.get(name) == value, (r.url, name)


def test_the_page_never_writes_the_request_host(client):
    r = client.get("/", headers={"Host": "evil.example"})
    assert r.status_code == 200 and "evil.example" not in r.text
    assert 'href="/static/style.css"' in r.text


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Sec-Fetch-Site": "cross-site"},
])
def test_a_form_posted_from_another_site_is_refused(client, headers):
    r = client.post("/extract", files={"file": ("plan.txt", H.plan_text(2).encode())}, headers=headers)
    assert r.status_code == 403 and "another web site" in r.text


def test_a_form_from_the_page_itself_is_accepted(client):
    r = client.post("/extract", files={"file": ("plan.txt", H.plan_text(2).encode())},
                    headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 200 and "Sở Tài chính" in r.text


def test_the_upload_cap_message_states_the_real_cap(client):
    r = client.post("/extract", files={"file": ("big.txt", b"x" * 500_000)})
    assert r.status_code == 413 and "391 KB" in r.text  # 400,000 bytes, not "1 MB"
    page = client.get("/").text
    assert "0.4 MB" in page


# -- worker processes ---------------------------------------------------------------------


def run(coro):
    return asyncio.run(coro)


def test_a_job_past_its_time_budget_is_stopped_and_the_worker_replaced():
    from directive_nlp.web.worker import WorkerPool

    async def scenario():
        pool = WorkerPool(1, time_limit=1.5)
        try:
            first = await pool.run(os.getpid, deadline=time.monotonic() + 60)
            t0 = time.monotonic()
            with pytest.raises(TimeBudgetError, match="limit of 2 s|limit of 1 s"):
                await pool.run(time.sleep, 30)
            assert time.monotonic() - t0 < 10
            second = await pool.run(os.getpid, deadline=time.monotonic() + 60)
            assert second != first
        finally:
            pool.close()
    run(scenario())


def test_a_departed_client_stops_the_work():
    from directive_nlp.web.worker import ClientGone, WorkerPool

    async def gone() -> bool:
        return True

    async def scenario():
        pool = WorkerPool(1, time_limit=60)
        try:
            pid = await pool.run(os.getpid)
            t0 = time.monotonic()
            with pytest.raises(ClientGone):
                await pool.run(time.sleep, 30, disconnected=gone)
            assert time.monotonic() - t0 < 5
            for _ in range(50):
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                await asyncio.sleep(0.1)
            else:
                pytest.fail("the worker of a departed client is still running")
        finally:
            pool.close()
    run(scenario())


def test_a_worker_over_its_memory_cap_is_replaced_after_its_job():
    from directive_nlp.web.worker import WorkerPool

    async def scenario():
        pool = WorkerPool(1, max_rss_mb=1)  # every worker is over 1 MB: each job gets a fresh one
        try:
            a = await pool.run(os.getpid, deadline=time.monotonic() + 60)
            b = await pool.run(os.getpid, deadline=time.monotonic() + 60)
            assert a != b
        finally:
            pool.close()
    run(scenario())


def test_errors_in_a_worker_come_back_as_one_line():
    from directive_nlp.web.worker import WorkerPool
    from directive_nlp.errors import InputError
    from directive_nlp.web.app import result_from_upload

    async def scenario():
        pool = WorkerPool(1)
        try:
            with pytest.raises(InputError, match="does not look Vietnamese") as e:
                await pool.run(result_from_upload, b"hello world " * 200, "hello.txt",
                               deadline=time.monotonic() + 90)
            assert e.value.path == "hello.txt"
        finally:
            pool.close()
    run(scenario())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def test_sigterm_stops_the_server_and_its_workers_within_seconds(tmp_path):
    import httpx

    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", "from directive_nlp.cli import main; main()", "serve",
                               "--port", str(port), "--time-limit", "120"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        body = H.long_line(tmp_path, 1_500_000).read_bytes()  # tens of seconds of work
        threading.Thread(target=lambda: _post_quietly(base, body), daemon=True).start()
        time.sleep(3)
        workers = _children(server.pid)
        assert workers
        t0 = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
        assert time.monotonic() - t0 < 10
        time.sleep(0.5)
        alive = [p for p in workers if _alive(p)]
        assert not alive
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def _post_quietly(base: str, body: bytes) -> None:
    import httpx

    try:
        httpx.post(base + "/extract", files={"file": ("line.txt", body)}, timeout=60)
    except httpx.HTTPError:
        pass


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except OSError:
        return False


def test_a_killed_worker_leaves_no_temporary_files():
    from directive_nlp.web.worker import WorkerPool

    async def scenario():
        pool = WorkerPool(1, time_limit=1.5)
        try:
            await pool.run(os.getpid, deadline=time.monotonic() + 60)
            (worker,) = list(pool._all)
            with pytest.raises(TimeBudgetError):
                await pool.run(time.sleep, 30)
            assert not os.path.exists(worker.tmp)
        finally:
            pool.close()
    run(scenario())
