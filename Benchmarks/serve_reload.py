#!/usr/bin/env python3
"""How long from saving a page to the browser having the new page, with `signpost serve` (and `hugo server`).

For each edit: a sentence is added to one standard page; the time runs from just before the file is written until
the server's reload event arrives, and until the page has been fetched again after it (what the browser does next).
Also: the server's memory after warming up and after every edit (it must not grow with the number of rebuilds).

    python3 Benchmarks/serve_reload.py --signpost .build/release/signpost            # sample site and 10,002 pages
    python3 Benchmarks/serve_reload.py --sites sample --edits 500                      # the 500-edit memory check
    python3 Benchmarks/serve_reload.py --no-hugo

Only loopback addresses are used. Everything is written to a temporary folder, deleted at the end.
"""
import argparse
import base64
import json
import os
import pathlib
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Benchmarks"))
import sitegen  # noqa: E402


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wait_for_port(port, timeout=300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listened on port {port}")


class EventStream(threading.Thread):
    """Reads `signpost serve`'s Server-Sent Events into a queue of (arrival time, event name, data)."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.events = queue.Queue()

    def run(self):
        sock = socket.create_connection(("127.0.0.1", self.port))
        # Serve answers only to its own name with its port (anything else could be another site's page).
        sock.sendall(f"GET /__signpost/events HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
                     "Accept: text/event-stream\r\n\r\n".encode())
        buffer = b""
        name, data = None, []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return
            now = time.perf_counter()
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                line = line.rstrip(b"\r").decode("utf-8", "replace")
                if line.startswith("event:"):
                    name = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].strip())
                elif line == "" and name:
                    self.events.put((now, name, "\n".join(data)))
                    name, data = None, []


class LiveReload(threading.Thread):
    """Hugo's live reload is a WebSocket at /livereload; this is just enough of a client to hear its reloads."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.events = queue.Queue()

    def run(self):
        sock = socket.create_connection(("127.0.0.1", self.port))
        key = base64.b64encode(os.urandom(16)).decode()
        sock.sendall((f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nUpgrade: websocket\r\n"
                      f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        buffer = b""
        while b"\r\n\r\n" not in buffer:
            buffer += sock.recv(4096)
        buffer = buffer.split(b"\r\n\r\n", 1)[1]
        hello = json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}).encode()
        mask = os.urandom(4)
        sock.sendall(bytes([0x81, 0x80 | len(hello)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(hello)))
        while True:
            while len(buffer) < 2:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                buffer += chunk
            length, offset = buffer[1] & 0x7F, 2
            if length == 126:
                length, offset = int.from_bytes(buffer[2:4], "big"), 4
            elif length == 127:
                length, offset = int.from_bytes(buffer[2:10], "big"), 10
            while len(buffer) < offset + length:
                buffer += sock.recv(65536)
            now = time.perf_counter()
            payload, buffer = buffer[offset:offset + length], buffer[offset + length:]
            try:
                message = json.loads(payload)
            except ValueError:
                continue
            self.events.put((now, message.get("command"), payload.decode()))


def fetch(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return response.read()


ORIGINALS = {}


def edit(page, k):
    """Writes the page as it was before the first edit with one sentence added, numbered: every save changes the page,
    but the page does not grow, so memory that grows over many edits is the server's, not the page's."""
    original = ORIGINALS.setdefault(page, pathlib.Path(page).read_text(encoding="utf-8"))
    with open(page, "w", encoding="utf-8") as file:
        file.write(original + f"\nThis sentence was added by edit number {k:06d}.\n")


def drain(events):
    while not events.empty():
        events.get_nowait()


def timed_edits(events, page, url_path, port, edits, is_reload, pid=None, warm=5):
    """Edits the page `edits` times; returns (event ms, event + fetch ms, memory after warming, memory at the end,
    [(edits so far, memory)] every 100 edits, to tell growth that levels off from growth that goes on)."""
    to_event, to_page, warm_mb, marks = [], [], None, []
    # The page is open in the browser before the first save, as it is for someone writing it. Hugo's fast render
    # mode rebuilds only pages a browser has asked for, and sends no reload for any other.
    fetch(port, url_path)
    for k in range(edits):
        time.sleep(0.15)  # the editor's pause: edits never come faster than a person saves
        drain(events.events)
        started = time.perf_counter()
        edit(page, k)
        while True:
            arrived, name, data = events.events.get(timeout=300)
            if is_reload(name, data):
                break
        fetch(port, url_path)
        fetched = time.perf_counter()
        to_event.append((arrived - started) * 1000)
        to_page.append((fetched - started) * 1000)
        if pid and k == warm - 1:
            warm_mb = rss_mb(pid)
        if pid and (k + 1) % 100 == 0:
            marks.append((k + 1, rss_mb(pid)))
    end_mb = rss_mb(pid) if pid else None
    return to_event, to_page, warm_mb, end_mb, marks


def summary(values):
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(len(values) * 0.9))]
    return f"median {statistics.median(values):6.1f} ms, p90 {p90:6.1f} ms, max {values[-1]:6.1f} ms"


def signpost_side(args, content, theme, page_name, edits):
    port = free_port()
    command = [str(args.signpost), "serve", "--content", str(content), "--port", str(port)]
    if theme:
        command += ["--theme", str(theme)]
    started = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        first = server.stdout.readline().strip()
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        stream = EventStream(port)
        stream.start()
        # The first build's event says the site is ready.
        while True:
            _, name, data = stream.events.get(timeout=600)
            if name == "build" and json.loads(data)["ok"]:
                break
        ready = time.perf_counter() - started
        last = {"site": json.loads(data)["site"]}

        def is_reload(name, data):
            if name != "build":
                return False
            news = json.loads(data)
            if news["ok"] and news["site"] > last["site"]:
                last["site"] = news["site"]
                return True
            return False

        page = content / "pages" / f"{page_name}.md"
        result = timed_edits(stream, page, f"/{page_name}/", port, edits, is_reload, pid=server.pid)
        return first, ready, result
    finally:
        server.terminate()
        server.wait(timeout=10)


def hugo_side(site, page_name, edits):
    port = free_port()
    server = subprocess.Popen(["hugo", "server", "--source", str(site), "--port", str(port), "--bind", "127.0.0.1",
                               "--disableFastRender=false"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        stream = LiveReload(port)
        stream.start()
        time.sleep(1)
        page = site / "content" / "pages" / f"{page_name}.md"
        return timed_edits(stream, page, f"/pages/{page_name}/", port, edits,
                           lambda name, data: name == "reload", pid=server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)


def report(name, result):
    to_event, to_page, warm_mb, end_mb, marks = result
    print(f"  {name:9} reload event: {summary(to_event)}")
    print(f"  {name:9} + new page:   {summary(to_page)}")
    if warm_mb is not None:
        print(f"  {name:9} memory: {warm_mb:.0f} MB after 5 edits, {end_mb:.0f} MB after {len(to_event)}")
    if marks:
        print(f"  {name:9} memory every 100 edits: " + ", ".join(f"{mb:.0f} MB" for _, mb in marks))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--signpost", default=str(ROOT / ".build/release/signpost"))
    parser.add_argument("--sites", default="sample,10000", help="sample and/or a page count, comma-separated")
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--no-hugo", action="store_true")
    args = parser.parse_args()
    with_hugo = not args.no_hugo and shutil.which("hugo") is not None
    work = pathlib.Path(tempfile.mkdtemp(prefix="signpost-serve-bench-"))
    try:
        for site in args.sites.split(","):
            folder = work / site
            if site == "sample":
                shutil.copytree(ROOT / "Content", folder / "Content")
                shutil.copytree(ROOT / "Themes/default", folder / "Themes/default")
                page_name, pages = "short-breaks", None
                label = "sample site (18 pages)"
            else:
                _, _, pages = sitegen.make_content(folder / "Content", int(site) // 2)
                page_name = pages[len(pages) // 2].name
                label = f"generated site ({int(site) + 2:,} pages)"
            print(f"{label}, {args.edits} edits of pages/{page_name}.md:")
            first, ready, result = signpost_side(args, folder / "Content", ROOT / "Themes/default", page_name,
                                                 args.edits)
            print(f"  signpost  first line: {first!r}; first build ready after {ready:.1f} s")
            report("signpost", result)
            if with_hugo and pages is not None:
                sitegen.make_hugo_site(folder / "hugo", folder / "Content", pages)
                report("hugo", hugo_side(folder / "hugo", page_name, args.edits))
            elif with_hugo:
                print("  hugo      (the sample site is not a Hugo site; see the generated site's figures)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
