#!/usr/bin/env python3
"""An emulated Habitat Builder (the depot API that `hab` and the container exporter call), on
loopback, answering from local .hart files the way the real Builder answers: the test stand-in
for bldr.habitat.sh, as moto is for AWS. Python 3 standard library only.

  builder.py serve --root DIR [--seed FILE] [--port 5058]     (seed: builder-seed.jsonl, the hab
                                                               test stand-in's packages, described only)
  builder.py publish --root DIR --channel C [--channel C2 ...] [--exposes PORT ...] IDENT|FILE.hart ...
  builder.py publish-key --root DIR FILE.pub ...

State under DIR:
  index.jsonl   one package a line: {"ident": "origin/name/version/release", "channels": [...],
                "hart": "<file under harts/>" or absent, "exposes": [...]}; a later line for the
                same ident replaces an earlier one (re-publishing moves a package between channels).
                A line without a hart describes a package only (what the hab test stand-in asks
                for); asking to download it answers 404. --seed FILE is read before it.
  harts/        the published artifacts
  keys/         public origin keys (<origin>-<revision>.pub)
  requests.log  "<time> <METHOD> <path> <status>" for every request

Routes (all under /v1, GET; anything else answers 404 with an empty body, as the real one does
for a missing package):
  /depot/channels/<origin>                                     [{"name": channel}, ...]
  /depot/channels/<origin>/<channel>/pkgs/<name>/latest        the package JSON (ident, checksum,
  /depot/channels/<origin>/<channel>/pkgs/<name>/<version>/latest     manifest, deps, tdeps,
  /depot/channels/<origin>/<channel>/pkgs/<name>/<version>/<release>  exposes, config, ...)
  /depot/pkgs/<origin>/<name>/<version>/<release>/download     the .hart, with X-Filename
  /depot/origins/<origin>/keys                                 [{"origin", "revision", "location"}]
  /depot/origins/<origin>/keys/latest | /<revision>            the .pub, with X-Filename
"""

import argparse
import datetime
import hashlib
import io
import json
import lzma
import os
import re
import shutil
import sys
import tarfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

TARGET = "x86_64-linux"
HART_NAME = re.compile(r"^(?P<origin>[a-z0-9_-]+)-(?P<name>[A-Za-z0-9_-]+)-(?P<version>[^-]+)-"
                       r"(?P<release>\d{14})-(?P<target>[a-z0-9_]+-[a-z0-9_]+)\.hart$")
KEY_NAME = re.compile(r"^(?P<origin>[a-z0-9_-]+)-(?P<revision>\d{14})\.pub$")
SEGMENT = re.compile(r"^[A-Za-z0-9_.+-]+$")


# --- versions ------------------------------------------------------------------------------------

def version_key(version):
    """Habitat's order of versions: dot-separated parts, numbers as numbers."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.-]", version)]


def ident_key(ident):
    origin, name, version, release = ident.split("/")
    return (version_key(version), release)


# --- artifacts -----------------------------------------------------------------------------------

def read_hart(path):
    """Metadata of a .hart: its ident and the files the depot reports (DEPS, TDEPS, ...)."""
    with open(path, "rb") as f:
        data = f.read()
    header, sep, body = data.partition(b"\n\n")
    lines = header.decode().split("\n")
    if not sep or len(lines) != 4 or lines[0] != "HART-1":
        raise ValueError(f"{path} is not a HART-1 artifact")
    files = {}
    with tarfile.open(fileobj=io.BytesIO(lzma.decompress(body)), mode="r:") as tar:
        for member in tar:
            parts = member.name.split("/")
            # hab/pkgs/<origin>/<name>/<version>/<release>/<FILE>
            if member.isfile() and len(parts) == 7 and parts[:2] == ["hab", "pkgs"]:
                files[parts[6]] = tar.extractfile(member).read().decode(errors="replace")
            elif len(parts) == 8 and parts[6:] == ["hooks", "run"]:
                files["hooks/run"] = ""
    ident = files.get("IDENT", "").strip()
    if ident.count("/") != 3:
        raise ValueError(f"{path} has no IDENT")
    return {
        "ident": ident,
        "signer": lines[1],
        "checksum": hashlib.blake2b(data, digest_size=32).hexdigest(),
        "target": files.get("TARGET", TARGET).strip(),
        "deps": idents_in(files.get("DEPS", "")),
        "tdeps": idents_in(files.get("TDEPS", "")),
        "build_deps": idents_in(files.get("BUILD_DEPS", "")),
        "build_tdeps": idents_in(files.get("BUILD_TDEPS", "")),
        "exposes": [int(p) for p in files.get("EXPOSES", "").split() if p.isdigit()],
        "manifest": files.get("MANIFEST", ""),
        "config": files.get("default.toml", ""),
        "is_a_service": "hooks/run" in files,
    }


def idents_in(text):
    return [ident_json(line.strip()) for line in text.splitlines() if line.strip().count("/") == 3]


def ident_json(ident):
    origin, name, version, release = ident.split("/")
    return {"origin": origin, "name": name, "version": version, "release": release}


class Depot:
    def __init__(self, root, seeds):
        self.root = root
        self.seeds = seeds
        self.lock = threading.Lock()
        self.harts = {}  # file name -> (mtime, metadata)

    def entries(self):
        """ident -> entry, the later line winning; read on every request (tests publish at will)."""
        found = {}
        for path in self.seeds + [os.path.join(self.root, "index.jsonl")]:
            try:
                with open(path, encoding="utf-8") as f:
                    lines = f.read().splitlines()
            except FileNotFoundError:
                continue
            for line in lines:
                if line.strip() and not line.lstrip().startswith("#"):
                    entry = json.loads(line)
                    found[entry["ident"]] = entry
        return found

    def metadata(self, entry):
        ident = entry["ident"]
        hart = entry.get("hart")
        if hart:
            path = os.path.join(self.root, "harts", hart)
            mtime = os.stat(path).st_mtime
            with self.lock:
                cached = self.harts.get(hart)
                if not cached or cached[0] != mtime:
                    cached = (mtime, read_hart(path))
                    self.harts[hart] = cached
            meta = dict(cached[1])
        else:
            meta = {"ident": ident, "checksum": hashlib.blake2b(ident.encode(), digest_size=32).hexdigest(),
                    "target": TARGET, "deps": [], "tdeps": [], "build_deps": [], "build_tdeps": [],
                    "exposes": [int(p) for p in entry.get("exposes", [])], "manifest": "", "config": "",
                    "is_a_service": True}
        meta.pop("signer", None)
        origin = ident.split("/")[0]
        return {
            "ident": ident_json(ident),
            "checksum": meta["checksum"],
            "manifest": meta["manifest"],
            "target": meta["target"],
            "deps": meta["deps"],
            "tdeps": meta["tdeps"],
            "build_deps": meta["build_deps"],
            "build_tdeps": meta["build_tdeps"],
            "exposes": meta["exposes"],
            "config": meta["config"],
            "channels": sorted(entry.get("channels", [])),
            "is_a_service": meta["is_a_service"],
            "visibility": "public",
            "origin": origin,
            "package_type": "Standard",
        }

    def latest(self, origin, channel, name, version=None, release=None):
        candidates = []
        for ident, entry in self.entries().items():
            o, n, v, r = ident.split("/")
            if (o, n) != (origin, name) or channel not in entry.get("channels", []):
                continue
            if version is not None and v != version or release is not None and r != release:
                continue
            candidates.append(entry)
        if not candidates:
            return None
        return max(candidates, key=lambda e: ident_key(e["ident"]))

    def channels(self, origin):
        names = set()
        for ident, entry in self.entries().items():
            if ident.split("/")[0] == origin:
                names.update(entry.get("channels", []))
        # Every origin has these two on the real Builder.
        names.update(["stable", "unstable"])
        return sorted(names)

    def hart(self, origin, name, version, release):
        entry = self.entries().get(f"{origin}/{name}/{version}/{release}")
        if not entry or not entry.get("hart"):
            return None
        return os.path.join(self.root, "harts", entry["hart"])

    def keys(self, origin):
        directory = os.path.join(self.root, "keys")
        found = []
        for file in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
            m = KEY_NAME.match(file)
            if m and m.group("origin") == origin:
                found.append((m.group("revision"), os.path.join(directory, file)))
        return found


# --- HTTP ----------------------------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    depot = None
    log_path = None
    protocol_version = "HTTP/1.1"
    server_version = "habitat-ecs-emulated-builder"

    def log_message(self, fmt, *args):  # the request log below replaces the default stderr lines
        pass

    def record(self, status):
        stamp = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
        with open(self.log_path, "a", encoding="utf-8") as f:
            f.write(f"{stamp} {self.command} {self.path} {status}\n")

    def send(self, status, body=b"", content_type=None, headers=None):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        # One request per connection, said out loud: hab asks for "Connection: close", and a
        # connection it believes reusable but that the server has closed costs it a 10 s retry.
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.record(status)

    def send_json(self, value):
        self.send(200, json.dumps(value).encode(), "application/json")

    def send_file(self, path):
        with open(path, "rb") as f:
            data = f.read()
        self.send(200, data, "application/octet-stream", {"X-Filename": os.path.basename(path)})

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as e:  # a bug here must show as a 500 in the log, not a hang
            print(f"error serving {self.path}: {e!r}", file=sys.stderr, flush=True)
            self.send(500, json.dumps({"code": 500, "msg": str(e)}).encode(), "application/json")

    def route(self):
        parts = [unquote(p) for p in urlsplit(self.path).path.split("/") if p]
        if len(parts) < 3 or parts[:2] != ["v1", "depot"] or not all(SEGMENT.match(p) for p in parts):
            return self.send(404)
        rest = parts[2:]
        depot = self.depot
        if rest[0] == "channels":
            if len(rest) == 2:
                return self.send_json([{"name": c} for c in depot.channels(rest[1])])
            if len(rest) in (6, 7) and rest[3] == "pkgs":
                origin, channel, name = rest[1], rest[2], rest[4]
                if len(rest) == 6:  # .../<name>/latest
                    if rest[5] != "latest":
                        return self.send(404)
                    entry = depot.latest(origin, channel, name)
                elif rest[6] == "latest":  # .../<name>/<version>/latest
                    entry = depot.latest(origin, channel, name, rest[5])
                else:  # .../<name>/<version>/<release>
                    entry = depot.latest(origin, channel, name, rest[5], rest[6])
                return self.send_json(depot.metadata(entry)) if entry else self.send(404)
        if rest[0] == "pkgs" and len(rest) == 6 and rest[5] == "download":
            path = depot.hart(*rest[1:5])
            return self.send_file(path) if path else self.send(404)
        if rest[0] == "origins" and len(rest) >= 3 and rest[2] == "keys":
            keys = depot.keys(rest[1])
            if len(rest) == 3:
                return self.send_json([{"origin": rest[1], "revision": rev,
                                        "location": f"/origins/{rest[1]}/keys/{rev}"} for rev, _ in keys])
            if len(rest) == 4:
                chosen = keys[-1:] if rest[3] == "latest" else [k for k in keys if k[0] == rest[3]]
                return self.send_file(chosen[0][1]) if chosen else self.send(404)
        return self.send(404)


# --- commands ------------------------------------------------------------------------------------

def append_entries(root, entries):
    """Adds index lines, but none that would change nothing (real-packages publishes every run)."""
    os.makedirs(root, exist_ok=True)
    current = Depot(root, []).entries()
    fresh = [e for e in entries if current.get(e["ident"]) != e]
    with open(os.path.join(root, "index.jsonl"), "a", encoding="utf-8") as f:
        for entry in fresh:
            f.write(json.dumps(entry, sort_keys=True) + "\n")


def read_file(path):
    with open(path, "rb") as f:
        return f.read()


def cmd_publish(args):
    if "base" in args.channel:
        # As on the public Builder: `base` is for the packages Habitat itself is built from.
        for item in args.packages:
            origin = (read_hart(item)["ident"] if item.endswith(".hart") else item).split("/")[0]
            if origin not in ("core", "chef"):
                sys.exit(f"builder.py publish: the base channel holds only core/* and chef/*, not {item}")
    entries = []
    for item in args.packages:
        if item.endswith(".hart"):
            meta = read_hart(item)
            m = HART_NAME.match(os.path.basename(item))
            name = os.path.basename(item) if m else meta["ident"].replace("/", "-") + f"-{TARGET}.hart"
            os.makedirs(os.path.join(args.root, "harts"), exist_ok=True)
            dest = os.path.join(args.root, "harts", name)
            if not (os.path.isfile(dest) and read_file(dest) == read_file(item)):
                shutil.copyfile(item, dest + ".tmp")
                os.replace(dest + ".tmp", dest)
            entries.append({"ident": meta["ident"], "channels": sorted(args.channel), "hart": name})
        else:
            if item.count("/") != 3 or not all(SEGMENT.match(p) for p in item.split("/")):
                sys.exit(f"builder.py publish: {item!r} is neither a .hart nor origin/name/version/release")
            entries.append({"ident": item, "channels": sorted(args.channel), "exposes": args.exposes or []})
    append_entries(args.root, entries)


def cmd_publish_key(args):
    directory = os.path.join(args.root, "keys")
    os.makedirs(directory, exist_ok=True)
    for key in args.keys:
        if not KEY_NAME.match(os.path.basename(key)):
            sys.exit(f"builder.py publish-key: {key!r} is not named <origin>-<revision>.pub")
        shutil.copyfile(key, os.path.join(directory, os.path.basename(key)))


def cmd_serve(args):
    os.makedirs(args.root, exist_ok=True)
    Handler.depot = Depot(args.root, args.seed or [])
    Handler.log_path = os.path.join(args.root, "requests.log")
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"emulated Builder on http://127.0.0.1:{args.port} serving {args.root}", flush=True)
    server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve")
    serve.add_argument("--root", required=True)
    serve.add_argument("--seed", action="append")
    serve.add_argument("--port", type=int, default=5058)
    publish = sub.add_parser("publish")
    publish.add_argument("--root", required=True)
    publish.add_argument("--channel", action="append", required=True)
    publish.add_argument("--exposes", type=int, action="append")
    publish.add_argument("packages", nargs="+")
    key = sub.add_parser("publish-key")
    key.add_argument("--root", required=True)
    key.add_argument("keys", nargs="+")
    args = parser.parse_args()
    {"serve": cmd_serve, "publish": cmd_publish, "publish-key": cmd_publish_key}[args.command](args)


if __name__ == "__main__":
    main()
