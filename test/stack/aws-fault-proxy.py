#!/usr/bin/env python3
"""Loopback HTTP proxy in front of moto that injects AWS API faults, for tests.

Each request is forwarded to the upstream (moto) unless the control file says
otherwise. The control file holds one line, read before every request:

  (absent/empty)              forward as is
  "throttle <n> [M]"          answer the next n requests with HTTP 400 and a
                              ThrottlingException body, as ECS and ECR do
  "<5xx> <n> [M]"             answer them with that status and a ServerException
  "reset <n> [M]"             close the connection without an answer
  "delay:<ms> <n> [M]"        forward them, after waiting <ms> milliseconds
  "apply-502 <n> [M]"         forward them, so the call takes effect, then answer 502
                              instead of moto's answer: a response lost on the way back,
                              which AWS's SDKs retry as any 5xx (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html)
  "denied <n> [M]"            answer them as AWS answers a call IAM does not allow,
                              in the protocol's own shape: AccessDeniedException
                              (JSON), AccessDenied (IAM's XML), UnauthorizedOperation
                              (EC2's XML)

With M, only requests whose target contains M count: the X-Amz-Target (e.g.
"AmazonEC2ContainerServiceV20141113.UpdateService"), or for query-protocol
calls (IAM, EC2) "<signing service>.<Action>" (e.g. "iam.GetRole"). The count
goes down in the file, which is removed when it reaches 0.

Every request is logged as "<iso time> <target> <outcome>" in the request log
(outcome: the upstream status, or "fault:<kind>"), so tests can see the retries
that never reached moto.

Python 3 standard library only.
"""

import argparse
import datetime
import http.client
import json
import os
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs
from xml.sax.saxutils import escape

LOCK = threading.Lock()
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade"}


def take_fault(path, target):
    """The fault for a request with this target, consuming one count; None to forward."""
    with LOCK:
        try:
            with open(path, encoding="utf-8") as f:
                words = f.read().split(maxsplit=2)
        except FileNotFoundError:
            return None
        if len(words) < 2:
            return None
        kind, count, match = words[0], words[1], (words[2].strip() if len(words) > 2 else "")
        try:
            left = int(count)
        except ValueError:
            print(f"ignoring unreadable fault file: {words!r}", file=sys.stderr, flush=True)
            return None
        if left <= 0 or (match and match not in target):
            return None
        left -= 1
        if left == 0:
            try:
                os.remove(path)
            except FileNotFoundError:
                pass
        else:
            tmp = f"{path}.proxy.tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(f"{kind} {left} {match}".rstrip() + "\n")
            os.replace(tmp, path)
        return kind


def signing_service(headers):
    """The service in the request's SigV4 scope: ".../us-east-1/iam/aws4_request" -> "iam"."""
    scope = headers.get("Authorization", "").split("Credential=", 1)[-1].split(",", 1)[0]
    parts = scope.split("/")
    return parts[3] if len(parts) > 3 else ""


def target_of(headers, body):
    """X-Amz-Target, or "<service>.<Action>" for a query-protocol call (IAM, EC2)."""
    target = headers.get("X-Amz-Target", "")
    if target or "x-www-form-urlencoded" not in headers.get("Content-Type", ""):
        return target
    action = parse_qs(body.decode("utf-8", "replace")).get("Action", [""])[0]
    return f"{signing_service(headers)}.{action}" if action else ""


def make_handler(upstream_host, upstream_port, faults, request_log):
    def log_line(target, outcome):
        stamp = datetime.datetime.now(datetime.timezone.utc).isoformat()
        with LOCK, open(request_log, "a", encoding="utf-8") as f:
            f.write(f"{stamp} {target or '-'} {outcome}\n")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # the request log says it, once
            pass

        def answer(self, status, error_type, message):
            body = json.dumps({"__type": error_type, "message": message}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("x-amzn-ErrorType", error_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def answer_denied(self, target):
            """What AWS says to a call no policy allows, as each protocol says it."""
            service = signing_service(self.headers)
            action = f"{service}:{target.split('.')[-1]}"
            text = (
                "User: arn:aws:iam::123456789012:user/local-stack is not authorized to perform: "
                f"{action} because no identity-based policy allows the {action} action"
            )
            if self.headers.get("X-Amz-Target"):
                return self.answer(400, "AccessDeniedException", text)
            request_id = str(uuid.uuid4())
            if service == "ec2":
                body = (
                    '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>'
                    "<Code>UnauthorizedOperation</Code>"
                    f"<Message>You are not authorized to perform this operation. {escape(text)}</Message>"
                    f"</Error></Errors><RequestID>{request_id}</RequestID></Response>"
                )
            else:
                body = (
                    '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error>'
                    f"<Type>Sender</Type><Code>AccessDenied</Code><Message>{escape(text)}</Message>"
                    f"</Error><RequestId>{request_id}</RequestId></ErrorResponse>"
                )
            data = body.encode()
            self.send_response(403)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return None

        def handle_any(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            target = target_of(self.headers, body)
            fault = take_fault(faults, target)
            if fault == "denied":
                log_line(target, "fault:denied")
                return self.answer_denied(target)
            if fault == "throttle":
                log_line(target, "fault:throttle")
                return self.answer(400, "ThrottlingException", "Rate exceeded (injected by aws-fault-proxy)")
            if fault and fault.isdigit() and 500 <= int(fault) <= 599:
                log_line(target, f"fault:{fault}")
                return self.answer(int(fault), "ServerException", "Injected server error (aws-fault-proxy)")
            if fault == "reset":
                log_line(target, "fault:reset")
                self.close_connection = True
                self.connection.close()
                return None
            if fault and fault.startswith("delay:"):
                time.sleep(int(fault.split(":", 1)[1]) / 1000)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            conn = http.client.HTTPConnection(upstream_host, upstream_port, timeout=120)
            try:
                conn.request(self.command, self.path, body=body, headers=headers)
                res = conn.getresponse()
                data = res.read()
            except OSError as e:
                log_line(target, f"upstream-error:{e}")
                return self.answer(502, "ServiceUnavailableException", f"aws-fault-proxy: upstream: {e}")
            finally:
                conn.close()
            if fault == "apply-502":
                log_line(target, f"fault:apply-502 (applied: {res.status})")
                return self.answer(502, "ServiceUnavailableException", "Bad gateway (aws-fault-proxy: applied, answer lost)")
            log_line(target, f"{res.status}{' (delayed)' if fault else ''}")
            self.send_response(res.status)
            for k, v in res.getheaders():
                if k.lower() not in HOP_BY_HOP and k.lower() != "content-length":
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return None

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_any

    return Handler


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--listen-port", type=int, required=True)
    p.add_argument("--upstream-port", type=int, required=True)
    p.add_argument("--faults", required=True)
    p.add_argument("--request-log", required=True)
    a = p.parse_args()
    handler = make_handler("127.0.0.1", a.upstream_port, a.faults, a.request_log)
    server = ThreadingHTTPServer(("127.0.0.1", a.listen_port), handler)
    server.daemon_threads = True
    print(f"aws-fault-proxy on 127.0.0.1:{a.listen_port} -> 127.0.0.1:{a.upstream_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
