#!/usr/bin/env python3
"""TLS front of the local registry, with fault injection for tests.

Terminates TLS on the ECR host name, then hands each HTTP request to the real
registry (distribution v2 on plain HTTP) over a fresh connection, one request
per connection: it rewrites the request's Connection header to "close", so the
registry closes after answering and the client never reuses a connection that
skipped a fault check.

Before forwarding a request it reads the control file (see local-stack):
  (absent/empty)   forward as is
  "<5xx|429|403> <n> [M]"  answer the next n requests itself with that status (a canned
                   registry error body), counting down in the file; the file is
                   removed when n reaches 0. With M, only requests whose
                   "METHOD /path?query" contains M count (e.g. "PUT /v2/a/b/manifests/")
  "drop <n> [M]"   close the next n connections without an answer (the registry down)
  "delay:<ms> <n> [M]"  forward the next n requests after waiting <ms> milliseconds
  "401"            forward every request with its Authorization header replaced
                   by wrong Basic credentials, so the registry itself refuses
                   (real 401 + WWW-Authenticate) until the file is cleared
  "apply-502 <n> [M]"  forward the next n requests, let the registry apply them, then
                   answer 502 instead of its answer: a response lost on the way back

A 429 carries "Retry-After: 3", as a registry may say how long to wait (RFC 6585, section 4;
ECR throttles pushes past its rate quotas:
https://docs.aws.amazon.com/AmazonECR/latest/userguide/service-quotas.html).

ECR's own rules, played here because the registry (distribution) does otherwise:
  - Tag immutability: a manifest PUT of a tag that already exists in a repository whose tags are
    immutable is refused with 400 TAG_INVALID, even for the same digest
    (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html); the
    ECR endpoint (ecr-front.py) says whether a tag is locked, from the repository's settings.
  - Blob mounting is off unless the registry's account setting enables it
    (https://docs.aws.amazon.com/AmazonECR/latest/userguide/blob-mounting.html): the mount
    parameters of an upload POST are dropped, so the registry opens a plain upload session
    (202). `local-stack blob-mounting on` (the --mounting control file) enables it.
  - Blob reads go to S3: a GET of a blob is answered 307 to a presigned URL on the layer bucket's
    host (prod-<region>-starport-layer-bucket.s3.<region>.amazonaws.com, which this front also
    serves), and S3 refuses a request that carries an Authorization header besides the URL's
    signature (400 InvalidArgument, "Only one auth mechanism allowed",
    https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html).

A second control file (--uplink) may hold a number of bytes a second: what all clients send
to the registry (request bodies), together, is then paced to that rate, as a runner's uplink
would pace it. Absent or empty: no cap.

Every request is logged as one line "<iso time> <method> <path> <status>" (status
"fault:<code>" for injected errors) to the request log, so tests can count what
a run sent to the registry.

Python 3 standard library, and botocore (moto's) to sign the IAM checks of iam_mode.py.
"""

import argparse
import asyncio
import base64
import datetime
import http.client
import json
import os
import re
import ssl
import sys
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iam_mode  # noqa: E402

HEAD_LIMIT = 64 * 1024
HEAD_TIMEOUT = 60
IDLE_TIMEOUT = 300
CONNECT_TIMEOUT = 10
CHUNK = 64 * 1024
WRONG_AUTH = "Basic " + base64.b64encode(b"AWS:refused-by-local-stack").decode()
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "x-forwarded-proto", "x-forwarded-for"}
RETRY_AFTER_SECONDS = 3
ACCOUNT = "123456789012"
REGISTRY_HOST = re.compile(r"\d{12}\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(:\d+)?")
LAYER_HOST = re.compile(r"prod-([a-z0-9-]+)-starport-layer-bucket\.s3\.[a-z0-9-]+\.amazonaws\.com(:\d+)?")
MANIFEST_PUT = re.compile(r"/v2/(.+)/manifests/([^/?:]+)$")
BLOB_GET = re.compile(r"/v2/(.+)/blobs/(sha256:[a-f0-9]{64})$")


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
        if kind not in ("drop", "apply-502") and not kind.startswith("delay:"):
            code = int(kind)
            if code not in (403, 429) and not 500 <= code <= 599:
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
    if kind == "apply-502":
        return ("apply",)
    if kind.startswith("delay:"):
        return ("delay", delay)
    return ("status", int(kind), left)


def remove_quietly(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def canned(code, head=False):
    error_code = {429: "TOOMANYREQUESTS", 403: "DENIED"}.get(code, "UNKNOWN")
    body = (
        f'{{"errors":[{{"code":"{error_code}","message":"fault injected by the local stack",'
        f'"detail":"status {code}"}}]}}\n'
    ).encode()
    reason = {
        403: "Forbidden",
        429: "Too Many Requests",
        500: "Internal Server Error",
        502: "Bad Gateway",
        503: "Service Unavailable",
    }.get(code, "Server Error")
    extra = [f"Retry-After: {RETRY_AFTER_SECONDS}"] if code == 429 else []
    if head:  # an answer to HEAD has no body, but says how long the body would be
        return answer(code, reason, b"", extra + [f"X-Body-Length: {len(body)}"])
    return answer(code, reason, body, extra)


def answer(code, reason, body, extra=(), content_type="application/json; charset=utf-8"):
    head = "\r\n".join(
        [
            f"HTTP/1.1 {code} {reason}",
            f"Content-Type: {content_type}",
            "Docker-Distribution-Api-Version: registry/2.0",
            *extra,
            f"Content-Length: {len(body)}",
            "Connection: close",
            "",
            "",
        ]
    ).encode()
    return head + body


def registry_error(code, reason, error, message):
    body = json.dumps({"errors": [{"code": error, "message": message}]}).encode() + b"\n"
    return answer(code, reason, body)


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


S3_TWO_AUTHS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidArgument</Code><Message>Only one auth '
    b"mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the "
    b"Authorization header should be specified</Message><ArgumentName>Authorization</ArgumentName></Error>"
)


def ecr_actions(method, target):
    """The ECR actions (and repositories) a registry request is, as ECR authorizes it:
    https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html and
    https://docs.aws.amazon.com/AmazonECR/latest/userguide/blob-mounting.html (a mount also reads
    the source repository)."""
    path, _, query = target.partition("?")
    match = re.fullmatch(r"/v2/(.+)/(blobs|manifests|tags)/(.*)", path)
    if not match:
        return []
    repo, kind, rest = match.groups()
    if kind == "tags":
        return [("ListImages", repo)]
    if kind == "manifests":
        action = {"GET": "BatchGetImage", "HEAD": "BatchGetImage", "PUT": "PutImage", "DELETE": "BatchDeleteImage"}
        return [(action[method], repo)] if method in action else []
    if rest.startswith("uploads"):
        action = {"POST": "InitiateLayerUpload", "PATCH": "UploadLayerPart", "PUT": "CompleteLayerUpload"}.get(method)
        found = [(action, repo)] if action else []
        params = dict(urllib.parse.parse_qsl(query))
        if method == "POST" and "mount" in params and "from" in params:
            found.append(("GetDownloadUrlForLayer", params["from"]))
        return found
    return [({"HEAD": "BatchCheckLayerAvailability", "GET": "GetDownloadUrlForLayer"}[method], repo)] if method in ("HEAD", "GET") else []


class Sink:
    """Where an answer goes that the client must not get (apply-502)."""

    def write(self, data):
        pass

    async def drain(self):
        pass


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

        fields = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                fields[name.strip().lower()] = value.strip()
        host = fields.get("host", "")
        path = target.split("?", 1)[0]
        replace_auth = None

        layer_host = LAYER_HOST.fullmatch(host)
        if layer_host:
            # The layer bucket: a presigned URL, and S3 refuses a second way to authenticate.
            if "authorization" in fields:
                self.log(method, target, "400 (s3: Authorization header with a presigned URL)")
                writer.write(answer(400, "Bad Request", S3_TWO_AUTHS, content_type="application/xml"))
                await writer.drain()
                return
            request_line = f"{method} /v2{path} HTTP/1.1"
            replace_auth = self.registry_auth()

        caller = self.iam_caller(fields.get("authorization", ""))
        if caller:
            # ECR checks each registry request against the caller's IAM policies, as the ECR
            # action it is (iam_mode.py); moto, holding the policies, decides.
            key_file, replace_auth = caller
            denied = await self.iam_denied(method, target, key_file, REGISTRY_HOST.fullmatch(host))
            if denied:
                self.log(method, target, f"403 (denied: {denied})")
                message = denied
                writer.write(registry_error(403, "Forbidden", "DENIED", message))
                await writer.drain()
                return

        fault = read_fault(self.args.faults, f"{method} {target}")
        if fault and fault[0] == "status":
            self.log(method, target, f"fault:{fault[1]}")
            writer.write(canned(fault[1], head=method == "HEAD"))
            await writer.drain()
            return
        if fault and fault[0] == "drop":
            # The registry is down: the connection closes with no answer at all.
            self.log(method, target, "fault:drop")
            return
        if fault and fault[0] == "delay":
            await asyncio.sleep(fault[1])
            fault = None
        apply_then_502 = bool(fault and fault[0] == "apply")
        if fault and fault[0] == "auth":
            replace_auth = WRONG_AUTH

        registry_host = REGISTRY_HOST.fullmatch(host)
        manifest_put = MANIFEST_PUT.fullmatch(path) if method == "PUT" else None
        if registry_host and manifest_put and await self.tag_locked(registry_host.group(1), *manifest_put.groups()):
            repo, tag = manifest_put.groups()
            self.log(method, target, "400 (TAG_INVALID: immutable)")
            message = (
                f"The image tag '{tag}' already exists in the '{repo}' repository and cannot be overwritten "
                "because the repository is immutable."
            )
            writer.write(registry_error(400, "Bad Request", "TAG_INVALID", message))
            await writer.drain()
            return
        if method == "POST" and path.endswith("/blobs/uploads/") and "mount=" in target and not self.mounting():
            # Blob mounting is off: ECR ignores the mount parameters and opens an upload session.
            query = urllib.parse.parse_qsl(target.split("?", 1)[1])
            kept = urllib.parse.urlencode([(k, v) for k, v in query if k not in ("mount", "from")])
            target = path + (f"?{kept}" if kept else "")
            request_line = f"{method} {target} HTTP/1.1"
        blob_get = BLOB_GET.fullmatch(path) if method == "GET" and registry_host else None
        if blob_get:
            status = await self.backend_status("HEAD", path, fields.get("authorization"))
            if status == "200":
                region = registry_host.group(1)
                location = (
                    f"https://prod-{region}-starport-layer-bucket.s3.{region}.amazonaws.com{path[3:]}"
                    "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-Signature=local-stack"
                )
                self.log(method, target, "307")
                writer.write(answer(307, "Temporary Redirect", b"", [f"Location: {location}"]))
            else:
                self.log(method, target, status)
                body = json.dumps({"errors": [{"code": "BLOB_UNKNOWN", "message": "blob unknown to registry"}]})
                writer.write(answer(int(status) if status.isdigit() else 502, "Error", body.encode()))
            await writer.drain()
            return

        headers = []
        for line in lines[1:]:
            if not line:
                continue
            name = line.split(":", 1)[0].strip().lower()
            if name in HOP_BY_HOP:
                continue
            if name == "authorization" and replace_auth:
                continue
            headers.append(line)
        if replace_auth:
            headers.append(f"Authorization: {replace_auth}")
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
            note = " (auth refused by fault)" if replace_auth == WRONG_AUTH else ""
            note += " (applied, answered 502)" if apply_then_502 else ""
            status = {"value": None}

            def on_status(value):
                # logged before the client sees the answer, so a test reading the log after its
                # request finds the line
                status["value"] = value
                self.log(method, target, value + note)

            rate = read_uplink(self.args.uplink)
            upload = asyncio.ensure_future(self.pipe(reader, up_writer, None, rate))
            try:
                await self.pipe(up_reader, Sink() if apply_then_502 else writer, on_status)
            finally:
                upload.cancel()
                try:
                    await upload
                except (asyncio.CancelledError, Exception):
                    pass
            if status["value"] is None:
                self.log(method, target, "no-answer" + note)
            if apply_then_502:
                writer.write(canned(502))
                await writer.drain()
        finally:
            up_writer.close()

    def iam_caller(self, authorization):
        """(keys file or None, the registry's own Authorization) for a token naming its caller
        ("<password>@<access key id>"); None for any other request."""
        if not self.args.iam_users or not authorization.startswith("Basic "):
            return None
        try:
            user, password = base64.b64decode(authorization[6:]).decode().split(":", 1)
        except (ValueError, UnicodeDecodeError):
            return None
        if "@" not in password:
            return None
        base, key_id = password.rsplit("@", 1)
        own = "Basic " + base64.b64encode(f"{user}:{base}".encode()).decode()
        return iam_mode.user_keys(self.args.iam_users, key_id), own

    async def iam_denied(self, method, target, key_file, registry_host):
        """The first ECR action of the request the caller may not make ("ecr:X on repo"), or None."""
        region = registry_host.group(1) if registry_host else "us-east-1"
        actions = ecr_actions(method, target)
        if actions and key_file is None:
            return f"The security token included in the request is invalid (ecr:{actions[0][0]})"

        def ask(action, repo):
            body = json.dumps({"repositoryName": repo}).encode()
            signer = iam_mode.Signer(key_file)
            headers = signer.headers("ecr", region, iam_mode.ECR + action, body, self.args.iam_moto_port)
            conn = http.client.HTTPConnection("127.0.0.1", self.args.iam_moto_port, timeout=60)
            try:
                conn.request("POST", "/", body=body, headers=headers)
                status = conn.getresponse().status
            finally:
                conn.close()
            with open(self.args.iam_log, "a", encoding="utf-8") as f:
                f.write(json.dumps({"time": iam_mode.stamp(), "accessKeyId": signer.key, "action": f"ecr:{action}",
                                    "region": region, "repository": repo, "status": status}) + "\n")
            return status == 403

        for action, repo in actions:
            if await asyncio.to_thread(ask, action, repo):
                with open(key_file, encoding="utf-8") as f:
                    user = json.load(f).get("user", "?")
                # As ECR says it: https://docs.aws.amazon.com/AmazonECR/latest/userguide/security_iam_troubleshoot.html
                return (
                    f"User: arn:aws:iam::{ACCOUNT}:user/{user} is not authorized to perform: ecr:{action} "
                    f"on resource: arn:aws:ecr:{region}:{ACCOUNT}:repository/{repo}"
                )
        return None

    def registry_auth(self):
        with open(self.args.registry_password_file, encoding="utf-8") as f:
            return "Basic " + base64.b64encode(f"AWS:{f.read().strip()}".encode()).decode()

    def mounting(self):
        try:
            with open(self.args.mounting, encoding="utf-8") as f:
                return f.read().strip() == "on"
        except (OSError, TypeError):
            return False

    async def tag_locked(self, region, repo, tag):
        """Whether ECR refuses to store `tag` again: asked of the ECR endpoint (ecr-front.py)."""
        if not self.args.ecr_endpoint_port:
            return False
        query = urllib.parse.urlencode({"region": region, "repository": repo, "tag": tag})
        url = f"http://127.0.0.1:{self.args.ecr_endpoint_port}/habitat-ecs-stack/tag-locked?{query}"

        def ask():
            with urllib.request.urlopen(url, timeout=30) as res:
                return json.load(res).get("locked") is True

        try:
            return await asyncio.to_thread(ask)
        except (OSError, ValueError) as e:
            print(f"tag-locked {repo}:{tag}: {e}", file=sys.stderr, flush=True)
            return False

    async def backend_status(self, method, path, authorization):
        """The registry's status for a request without a body (a blob's HEAD), as text."""
        up_reader, up_writer = await asyncio.wait_for(
            asyncio.open_connection(self.args.backend_host, self.args.backend_port), CONNECT_TIMEOUT
        )
        try:
            auth = f"Authorization: {authorization}\r\n" if authorization else ""
            up_writer.write(
                f"{method} {path} HTTP/1.1\r\nHost: {self.args.backend_host}\r\n{auth}Connection: close\r\n\r\n".encode()
            )
            await up_writer.drain()
            first = await asyncio.wait_for(up_reader.readline(), HEAD_TIMEOUT)
            words = first.decode("latin-1").split(" ")
            return words[1] if len(words) > 1 else "502"
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
    p.add_argument("--registry-password-file", required=True, help="the registry's password of user AWS")
    p.add_argument("--mounting", help="control file: 'on' when blob mounting is enabled")
    p.add_argument("--ecr-endpoint-port", type=int, help="ecr-front.py, which says whether a tag is locked")
    p.add_argument("--iam-users", help="keys of the IAM users the stack made (iam_mode.py)")
    p.add_argument("--iam-moto-port", type=int, help="the moto that enforces IAM")
    p.add_argument("--iam-log", help="each ECR action a registry request was checked as (JSON lines)")
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
