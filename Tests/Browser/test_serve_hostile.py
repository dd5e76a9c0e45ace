"""`signpost serve` against hostile requests, on a real server on a free loopback port: other sites' names (DNS
rebinding) and other sites' pages are refused, over-long heads are refused at once without holding up anyone else, a
file swapped for a link to a file outside the site is never sent, and `--port 0` serves on a port the system chose.

Every request goes to 127.0.0.1 only; every loop stops by itself after a set count or time."""
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import threading
import time

import pytest

from conftest import ROOT, SIGNPOST

THEME = pathlib.Path(os.environ.get("THEME", ROOT / "Themes/default"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_serve(work, port, host=None):
    """`signpost serve` on a copy of the sample site, its temporary files in `work/tmp`; returns the process and the
    first line it printed."""
    content = work / "Content"
    if not content.exists():
        shutil.copytree(pathlib.Path(os.environ.get("CONTENT", ROOT / "Content")), content)
    (work / "tmp").mkdir(exist_ok=True)
    command = [str(SIGNPOST), "serve", "--content", str(content), "--theme", str(THEME), "--port", str(port)]
    process = subprocess.Popen(command + (["--host", host] if host else []), stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env={**os.environ, "TMPDIR": str(work / "tmp")})
    return process, process.stdout.readline()


@pytest.fixture(scope="module")
def serving():
    work = pathlib.Path(tempfile.mkdtemp(prefix="signpost-hostile-test-"))
    port = free_port()
    process, first = start_serve(work, port)
    assert f"http://127.0.0.1:{port}/" in first, first
    serve = {"port": port, "work": work, "pid": process.pid}
    # The first build finishes before the first page is answered.
    status, _, _ = request(serve, "/")
    assert status == 200
    yield serve
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)


def read_answer(connection, head_only=False):
    """Reads one answer with `Connection: close` (or its head alone): (status, headers in lower case, body)."""
    data = b""
    while b"\r\n\r\n" not in data or not head_only:
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1]) if lines[0].startswith("HTTP/") else 0
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body


def request(serve, path, host=None, extra=b"", version="HTTP/1.1", head_only=False, timeout=30):
    """One request over a connection of its own, sent byte for byte as given."""
    host_line = b"" if host is False else b"Host: " + (host or f"127.0.0.1:{serve['port']}").encode() + b"\r\n"
    with socket.create_connection((serve.get("address", "127.0.0.1"), serve["port"]), timeout=timeout) as connection:
        connection.sendall(f"GET {path} {version}\r\n".encode() + host_line + extra + b"Connection: close\r\n\r\n")
        return read_answer(connection, head_only)


def timed_get(serve):
    start = time.monotonic()
    status, _, body = request(serve, "/", timeout=60)
    return status, time.monotonic() - start


# DNS rebinding


def test_a_request_naming_another_host_is_refused(serving):
    port = serving["port"]
    status, headers, page = request(serving, "/")
    assert status == 200 and b"<html" in page
    for host in ["evil.example", f"evil.example:{port}", f"127.0.0.1.evil.example:{port}", f"127.0.0.1:{port + 1}",
                 "127.0.0.1", f"localhost.:{port}"]:
        status, headers, body = request(serving, "/", host=host)
        assert status == 421, f"Host: {host} was answered {status}"
        assert headers["content-type"].startswith("text/plain")
        assert b"<html" not in body and f"http://127.0.0.1:{port}/".encode() in body
    for host in [f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"]:
        assert request(serving, "/", host=host)[0] == 200, host


def test_a_refused_request_gets_its_connection_closed(serving):
    # Kept open, another site's page could hold many connections with the server.
    with socket.create_connection(("127.0.0.1", serving["port"]), timeout=10) as connection:
        connection.sendall(b"GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n")
        status, headers, _ = read_answer(connection)  # reads until the server closes
    assert status == 421 and headers["connection"] == "close"


def test_a_request_with_no_host_or_two_is_refused(serving):
    port = serving["port"]
    for version in ["HTTP/1.0", "HTTP/1.1"]:
        status, _, body = request(serving, "/", host=False, version=version)
        assert status == 400 and b"<html" not in body, version
    status, _, body = request(serving, "/", extra=b"Host: evil.example\r\n")
    assert status == 400 and b"<html" not in body
    # An address with a host of its own would get past the Host check.
    status, _, body = request(serving, f"http://evil.example:{port}/")
    assert status == 400 and b"<html" not in body


def test_the_event_stream_is_only_for_the_previews_own_pages(serving):
    port = serving["port"]
    for origin in ["http://evil.example", f"http://evil.example:{port}", "null", f"https://127.0.0.1:{port}"]:
        status, _, _ = request(serving, "/__signpost/events", extra=f"Origin: {origin}\r\n".encode(), head_only=True)
        assert status == 403, origin
    for origin in [None, f"http://127.0.0.1:{port}", f"http://localhost:{port}"]:
        extra = f"Origin: {origin}\r\n".encode() if origin else b""
        status, headers, _ = request(serving, "/__signpost/events", extra=extra, head_only=True)
        assert status == 200 and headers["content-type"].startswith("text/event-stream"), extra


# Over-long heads


def send_and_close(serve, data):
    with socket.create_connection(("127.0.0.1", serve["port"]), timeout=10) as connection:
        try:
            connection.sendall(data)
        except OSError:
            pass  # the server may refuse and close before all of it is sent


def test_over_long_heads_are_refused(serving):
    port = serving["port"]
    host = f"Host: 127.0.0.1:{port}\r\n".encode()
    for data, expected in [(b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\n" + host + b"\r\n", 414),
                           (b"GET / HTTP/1.1\r\n" + host + b"X-Long: " + b"a" * 400_000 + b"\r\n\r\n", 431),
                           (b"GET / HTTP/1.1\r\n" + host + b"".join(b"X-%d: a\r\n" % n for n in range(200)) + b"\r\n",
                            431)]:
        with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
            try:
                connection.sendall(data)
            except OSError:
                pass
            status, headers, body = read_answer(connection)
        assert status == expected, (expected, status)
        assert headers["content-type"].startswith("text/plain") and b"too" in body
    # A head just within the limits is answered.
    status, _, _ = request(serving, "/", extra=b"X-Long: " + b"a" * 8_000 + b"\r\n")
    assert status == 200


def test_over_long_heads_do_not_hold_up_other_requests(serving):
    # Before, three such requests held up a plain GET for over 4 seconds, and one of 400 KB for minutes.
    status, alone = timed_get(serving)
    assert status == 200
    host = f"Host: 127.0.0.1:{serving['port']}\r\n".encode()
    for size in [50_000, 100_000, 150_000, 400_000]:
        send_and_close(serving, b"GET / HTTP/1.1\r\n" + host + b"X-Long: " + b"a" * size)
    # And some still open, part sent.
    held = []
    for size in [50_000, 100_000, 150_000]:
        connection = socket.create_connection(("127.0.0.1", serving["port"]), timeout=10)
        connection.setblocking(False)
        try:
            connection.send(b"GET / HTTP/1.1\r\n" + host + b"X-Long: " + b"a" * size)
        except OSError:
            pass
        held.append(connection)
    try:
        status, after = timed_get(serving)
    finally:
        for connection in held:
            connection.close()
    print(f"GET / alone {alone * 1000:.0f} ms, with hostile requests {after * 1000:.0f} ms")
    assert status == 200
    assert after < 2, f"a plain GET took {after:.1f} s while over-long requests were open"


def test_sockets_left_open_lock_no_one_out(serving):
    # Before, the 257th connection was closed at once while 256 that had sent one byte each held their places for the
    # 60 s head timeout: no one else was answered. Now the one waiting longest for a head is closed to make room.
    held = []
    try:
        for _ in range(300):
            connection = socket.create_connection(("127.0.0.1", serving["port"]), timeout=10)
            connection.sendall(b"G")
            held.append(connection)
        time.sleep(0.5)
        status, took = timed_get(serving)
        assert status == 200, "a plain GET was not answered while 300 sockets were left open"
        assert took < 5, f"a plain GET took {took:.1f} s while 300 sockets were left open"
    finally:
        for connection in held:
            connection.close()


def test_a_connection_that_sends_part_of_a_head_is_closed_after_10_seconds(serving):
    with socket.create_connection(("127.0.0.1", serving["port"]), timeout=30) as connection:
        connection.sendall(b"G")
        start = time.monotonic()
        assert connection.recv(100) == b""
        waited = time.monotonic() - start
    assert 8 < waited < 15, f"closed after {waited:.1f} s"


def resident_kb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not pathlib.Path("/proc/self/status").exists(), reason="reads memory from /proc")
def test_many_short_connections_leave_no_memory_behind(serving):
    # Before, each connection left about 0.7 KB behind (a sleeping task for each read's time limit, cancelled when the
    # read came first, keeps its memory until the limit is up): 10,000 connections grew serve by 7-8 MB.
    def one():
        with socket.create_connection(("127.0.0.1", serving["port"]), timeout=10) as connection:
            connection.sendall(f"GET /no-such-page HTTP/1.1\r\nHost: 127.0.0.1:{serving['port']}\r\n"
                               "Connection: close\r\n\r\n".encode())
            while connection.recv(65536):
                pass
    for _ in range(1_000):
        one()
    time.sleep(0.5)
    before = resident_kb(serving["pid"])
    for _ in range(10_000):
        one()
    time.sleep(1)
    grown = resident_kb(serving["pid"]) - before
    print(f"10,000 connections grew serve by {grown} KB")
    assert grown < 3_000, f"10,000 connections grew serve by {grown} KB"


# Check-then-read


def served_folder(work):
    """The folder serve serves: the shallowest folder under its temporary files with an index.html."""
    pages = sorted((work / "tmp").rglob("index.html"), key=lambda path: len(path.parts))
    assert pages, "serve's built site not found"
    return pages[0].parent


def test_a_file_swapped_for_a_link_out_of_the_site_is_never_sent(serving):
    site = served_folder(serving["work"])
    canary = serving["work"] / "canary.txt"
    canary.write_text("CANARY-OUTSIDE-THE-SITE\n")
    flip = site / "flip.txt"
    plain = site / ".flip-plain"
    link = site / ".flip-link"
    flip.write_text("an ordinary file\n")
    stop = threading.Event()
    flips = [0]

    def flipper():
        # Swaps the file for a link and back, each by an atomic rename, until told to stop (or 2 minutes).
        deadline = time.monotonic() + 120
        while not stop.is_set() and time.monotonic() < deadline and flips[0] < 5_000_000:
            plain.write_text("an ordinary file\n")
            os.replace(plain, flip)
            try:
                os.unlink(link)
            except FileNotFoundError:
                pass
            os.symlink(canary, link)
            os.replace(link, flip)
            flips[0] += 1

    counts = {"ordinary": 0, "not found": 0, "leaked": 0, "other": 0}
    lock = threading.Lock()

    def asker(requests_each, deadline):
        import http.client
        connection = http.client.HTTPConnection("127.0.0.1", serving["port"], timeout=30)
        try:
            for _ in range(requests_each):
                if time.monotonic() > deadline:
                    break
                connection.request("GET", "/flip.txt")
                answer = connection.getresponse()
                body = answer.read()
                kind = ("leaked" if b"CANARY" in body else "ordinary" if answer.status == 200
                        else "not found" if answer.status == 404 else "other")
                with lock:
                    counts[kind] += 1
        finally:
            connection.close()

    flipping = threading.Thread(target=flipper)
    flipping.start()
    try:
        # Before serve opened files without following links, about 1 request in 300 leaked the file outside.
        deadline = time.monotonic() + 30
        askers = [threading.Thread(target=asker, args=(1_500, deadline)) for _ in range(4)]
        for thread in askers:
            thread.start()
        for thread in askers:
            thread.join()
    finally:
        stop.set()
        flipping.join()
    print(f"{sum(counts.values())} requests over {flips[0]} flips: {counts}")
    assert counts["leaked"] == 0, counts
    assert counts["ordinary"] > 0 and counts["other"] == 0, counts


# --port 0


def test_port_0_serves_on_a_port_the_system_chose():
    work = pathlib.Path(tempfile.mkdtemp(prefix="signpost-port0-test-"))
    process, first = start_serve(work, 0)
    try:
        assert "was taken" not in first, first
        prefix = "http://127.0.0.1:"
        assert prefix in first, first
        port = int(first.split(prefix, 1)[1].split("/", 1)[0])
        assert port > 1024, first
        status, _, body = request({"port": port}, "/")
        assert status == 200 and b"<html" in body
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def test_on_ipv6_loopback_its_own_names_are_answered_and_no_other():
    work = pathlib.Path(tempfile.mkdtemp(prefix="signpost-ipv6-test-"))
    process, first = start_serve(work, 0, host="::1")
    try:
        assert "http://[::1]:" in first, first
        serve = {"address": "::1", "port": int(first.split("http://[::1]:", 1)[1].split("/", 1)[0])}
        assert request(serve, "/", host=f"[::1]:{serve['port']}")[0] == 200
        assert request(serve, "/", host=f"localhost:{serve['port']}")[0] == 200
        assert request(serve, "/", host=f"evil.example:{serve['port']}")[0] == 421
        assert request(serve, "/", host=f"::1:{serve['port']}")[0] == 421
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
