#!/usr/bin/env python3
"""TLS front of the local registry, with fault injection for tests.

Terminates TLS on the ECR host name, then hands each HTTP request to the real
registry (distribution v2 on plain HTTP) over a fresh connection, one request
per connection: it rewrites the request's Connection header to "close", so the
registry closes after answering and the client never reuses a connection that
skipped a fault check.

Before forwarding a request it reads the control file (see local-stack):
  (absent/empty)   forward as is
  "<5xx|429> <n> [M]"  answer the next n requests itself with that status (a canned
                   registry error body), counting down in the file; the file is
                   removed when n reaches 0. With M, only requests whose
                   "METHOD /path?query" contains M count (e.g. "PUT /v2/a/b/manifests/")
  "drop <n> [M]"   close the next n connections without an answer (the registry down)
  "delay:<ms> <n> [M]"  forward the next n requests after waiting <ms> milliseconds
  "401"            forward every request with its Authorization header replaced
                   by wrong Basic credentials, so the registry itself refuses
                   (real 401 + WWW-Authenticate) until the file is cleared

A second control file (--uplink) may hold a number of bytes a second: what all clients send
to the registry (request bodies), together, is then paced to that rate, as a runner's uplink
would pace it. Absent or empty: no cap.

Every request is logged as one line "<iso time> <method> <path> <status>" (status
"fault:<code>" for injected errors) to the request log, so tests can count what
a run sent to the registry.

Python 3 standard library only.
"""

import argparse
import asyncio
import base64
import datetime
import os
import ssl
import sys

HEAD_LIMIT = 64 * 1024
HEAD_TIMEOUT = 60
IDLE_TIMEOUT = 300
CONNECT_TIMEOUT = 10
CHUNK = 64 * 1024
WRONG_AUTH = "Basic " + base64.b64encode(b"AWS:refused-by-local-stack").decode()
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "x-forwarded-proto", "x-forwarded-for"}


def read_fault(path, request):
    """The fault for this request ("METHOD /path"), consuming one count of a counted fault.

    Returns ("status", code, remaining), ("drop",), ("delay", seconds), ("auth",) or None.
    """
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read().strip()
    except FileNotFoundError:
        return None
    words = text.split(maxsplit=2)
    if not words:
        return None
    if words[0] == "401":
        return ("auth",)
    kind = words[0]
    try:
        left = int(words[1]) if len(words) > 1 else 1
        if kind not in ("drop",) and not kind.startswith("delay:"):
            code = int(kind)
            if code != 429 and not 500 <= code <= 599:
                raise ValueError(kind)
        elif kind.startswith("delay:"):
            delay = int(kind.split(":", 1)[1]) / 1000
    except ValueError:
        print(f"ignoring unreadable fault file: {text!r}", file=sys.stderr, flush=True)
        return None
    match = words[2] if len(words) > 2 else ""
    if left <= 0:
        remove_quietly(path)
        return None
    if match and match not in request:
        return None
    left -= 1
    if left == 0:
        remove_quietly(path)
    else:
        tmp = f"{path}.front.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(f"{kind} {left} {match}".rstrip() + "\n")
        os.replace(tmp, path)
    if kind == "drop":
        return ("drop",)
    if kind.startswith("delay:"):
        return ("delay", delay)
    return ("status", int(kind), left)


def remove_quietly(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def canned(code):
    error_code = "TOOMANYREQUESTS" if code == 429 else "UNKNOWN"
    body = (
        f'{{"errors":[{{"code":"{error_code}","message":"fault injected by the local stack",'
        f'"detail":"status {code}"}}]}}\n'
    ).encode()
    reason = {
        429: "Too Many Requests",
        500: "Internal Server Error",
        502: "Bad Gateway",
        503: "Service Unavailable",
    }.get(code, "Server Error")
    head = (
        f"HTTP/1.1 {code} {reason}\r\n"
        "Content-Type: application/json; charset=utf-8\r\n"
        "Docker-Distribution-Api-Version: registry/2.0\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    return head + body


def read_uplink(path):
    """The uplink cap in bytes a second, or None."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read().strip()
    except (FileNotFoundError, TypeError):
        return None
    return int(text) if text.isdigit() and int(text) > 0 else None


class Uplink:
    """One link shared by every connection: each chunk sent waits for its turn at the rate."""

    def __init__(self):
        self.free_at = 0.0

    async def send(self, size, rate):
        loop = asyncio.get_running_loop()
        start = max(loop.time(), self.free_at)
        self.free_at = start + size / rate
        await asyncio.sleep(max(0.0, self.free_at - loop.time()))


class Front:
    def __init__(self, args):
        self.args = args
        self.uplink = Uplink()

    def log(self, method, target, status):
        stamp = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
        with open(self.args.request_log, "a", encoding="utf-8") as f:
            f.write(f"{stamp} {method} {target} {status}\n")

    async def handle(self, reader, writer):
        try:
            await self.serve_one(reader, writer)
        except (ConnectionError, asyncio.TimeoutError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        except asyncio.LimitOverrunError:
            writer.write(b"HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n")
        except Exception as e:  # keep serving other connections
            print(f"error: {type(e).__name__}: {e}", file=sys.stderr, flush=True)
        finally:
            try:
                writer.close()
                await asyncio.wait_for(writer.wait_closed(), 5)
            except Exception:
                pass

    async def serve_one(self, reader, writer):
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), HEAD_TIMEOUT)
        lines = head.decode("latin-1").split("\r\n")
        request_line = lines[0]
        parts = request_line.split(" ")
        if len(parts) != 3:
            writer.write(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
            return
        method, target, _ = parts

        fault = read_fault(self.args.faults, f"{method} {target}")
        if fault and fault[0] == "status":
            self.log(method, target, f"fault:{fault[1]}")
            writer.write(canned(fault[1]))
            await writer.drain()
            return
        if fault and fault[0] == "drop":
            # The registry is down: the connection closes with no answer at all.
            self.log(method, target, "fault:drop")
            return
        if fault and fault[0] == "delay":
            await asyncio.sleep(fault[1])
            fault = None

        headers = []
        for line in lines[1:]:
            if not line:
                continue
            name = line.split(":", 1)[0].strip().lower()
            if name in HOP_BY_HOP:
                continue
            if name == "authorization" and fault:
                line = f"Authorization: {WRONG_AUTH}"
            headers.append(line)
        peer = writer.get_extra_info("peername")
        headers += [
            "Connection: close",
            "X-Forwarded-Proto: https",
            f"X-Forwarded-For: {peer[0] if peer else '127.0.0.1'}",
        ]
        upstream_head = "\r\n".join([request_line, *headers, "", ""]).encode("latin-1")

        up_reader, up_writer = await asyncio.wait_for(
            asyncio.open_connection(self.args.backend_host, self.args.backend_port), CONNECT_TIMEOUT
        )
        try:
            up_writer.write(upstream_head)
            await up_writer.drain()
            note = " (auth refused by fault)" if fault else ""
            status = {"value": None}

            def on_status(value):
                # logged before the client sees the answer, so a test reading the log after its
                # request finds the line
                status["value"] = value
                self.log(method, target, value + note)

            rate = read_uplink(self.args.uplink)
            upload = asyncio.ensure_future(self.pipe(reader, up_writer, None, rate))
            try:
                await self.pipe(up_reader, writer, on_status)
            finally:
                upload.cancel()
                try:
                    await upload
                except (asyncio.CancelledError, Exception):
                    pass
            if status["value"] is None:
                self.log(method, target, "no-answer" + note)
        finally:
            up_writer.close()

    async def pipe(self, src, dst, on_status, rate=None):
        while True:
            data = await asyncio.wait_for(src.read(CHUNK), IDLE_TIMEOUT)
            if not data:
                return
            if rate:
                await self.uplink.send(len(data), rate)
            if on_status is not None:
                first = data.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
                on_status(first[1] if len(first) > 1 else "?")
                on_status = None
            dst.write(data)
            await dst.drain()


async def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--listen-host", default="127.0.0.1")
    p.add_argument("--listen-port", type=int, default=443)
    p.add_argument("--backend-host", default="127.0.0.1")
    p.add_argument("--backend-port", type=int, default=5000)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--faults", required=True, help="control file")
    p.add_argument("--uplink", help="control file: a cap on upload bytes a second")
    p.add_argument("--request-log", required=True)
    args = p.parse_args()

    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(args.cert, args.key)
    ctx.set_alpn_protocols(["http/1.1"])
    front = Front(args)
    server = await asyncio.start_server(
        front.handle, args.listen_host, args.listen_port, ssl=ctx, limit=HEAD_LIMIT,
        ssl_handshake_timeout=30,
    )
    print(f"registry front on {args.listen_host}:{args.listen_port} -> "
          f"{args.backend_host}:{args.backend_port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
