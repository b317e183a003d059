"""The stack's registry (distribution v2) as ECR's image API needs to see it.

Tags, manifests and digests come from the registry HTTP API. Two things that API cannot say come
from the registry's storage directory, read only: the manifests no tag names (ECR's untagged
images) and when each manifest was first stored (imagePushedAt): a revision's folder is made then.

Python 3 standard library only.
"""

import base64
import hashlib
import http.client
import json
import os
import re

MANIFEST_TYPES = [
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.index.v1+json",
]
REGISTRY_TAG = re.compile(r"[\w][\w.-]{0,127}")  # what distribution accepts in a path


class RegistryError(Exception):
    """The registry did not answer, or answered what it should not."""


class Registry:
    """The registry's HTTP API on plain HTTP (behind the TLS front), with Basic credentials."""

    def __init__(self, host, port, user, password, storage):
        self.host, self.port, self.storage = host, port, storage
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def call(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers={"Authorization": self.auth, **(headers or {})})
            res = conn.getresponse()
            return res.status, {k.lower(): v for k, v in res.getheaders()}, res.read()
        except OSError as e:
            raise RegistryError(f"the local registry did not answer: {e}") from e
        finally:
            conn.close()

    def unexpected(self, what, status, body):
        return RegistryError(f"{what}: the local registry answered {status}: {body[:300]!r}")

    def tags(self, repo):
        """Every tag of the repository, as the registry lists them (sorted); [] for an unknown name."""
        found, path = [], f"/v2/{repo}/tags/list?n=1000"
        for _ in range(1000):  # pages of 1000: bounded far above what a test makes
            status, headers, body = self.call("GET", path)
            if status == 404:
                return found
            if status != 200:
                raise self.unexpected(f"listing the tags of {repo}", status, body)
            found += json.loads(body).get("tags") or []
            link = re.match(r'<([^>]+)>;\s*rel="next"', headers.get("link", ""))
            if not link:
                return found
            path = link.group(1)
        raise RegistryError(f"listing the tags of {repo}: too many pages")

    def manifest(self, repo, reference, head=False):
        """(bytes, media type, digest) stored for a tag or digest, or None."""
        accept = {"Accept": ", ".join(MANIFEST_TYPES)}
        status, headers, body = self.call("HEAD" if head else "GET", f"/v2/{repo}/manifests/{reference}", headers=accept)
        if status == 404:
            return None
        if status != 200:
            raise self.unexpected(f"reading {repo}:{reference}", status, body)
        media_type = headers.get("content-type", "").split(";")[0].strip()
        digest = headers.get("docker-content-digest") or "sha256:" + hashlib.sha256(body).hexdigest()
        return body, media_type, digest

    def put(self, repo, reference, manifest, media_type):
        """Stores a manifest; returns (status, the registry's first error code or None)."""
        status, _, body = self.call(
            "PUT", f"/v2/{repo}/manifests/{reference}", body=manifest, headers={"Content-Type": media_type}
        )
        if 200 <= status < 300:
            return status, None
        try:
            code = json.loads(body)["errors"][0]["code"]
        except (ValueError, KeyError, IndexError, TypeError):
            code = None
        return status, code

    def delete(self, repo, digest):
        status, _, body = self.call("DELETE", f"/v2/{repo}/manifests/{digest}")
        if status not in (202, 404):
            raise self.unexpected(f"deleting {repo}@{digest}", status, body)

    def revisions_dir(self, repo):
        return os.path.join(self.storage, "docker/registry/v2/repositories", repo, "_manifests/revisions/sha256")

    def revisions(self, repo):
        """{digest: time first stored} of every manifest the repository holds, tagged or not."""
        root, found = self.revisions_dir(repo), {}
        try:
            names = os.listdir(root)
        except FileNotFoundError:
            return found
        for name in names:
            folder = os.path.join(root, name)
            if os.path.exists(os.path.join(folder, "link")):  # a deleted manifest keeps its folder
                found[f"sha256:{name}"] = os.stat(folder).st_mtime
        return found

    def keep_pushed_at(self, repo, digest, when):
        try:
            os.utime(os.path.join(self.revisions_dir(repo), digest.split(":", 1)[1]), (when, when))
        except FileNotFoundError:
            pass


class Snapshot:
    """The images of one repository at one moment: push times, and, read when first asked for, the
    digest of a tag (one HEAD) or the tags of every digest (the whole tag list)."""

    def __init__(self, registry, repo):
        self.registry, self.repo = registry, repo
        self.pushed_at = registry.revisions(repo)
        self.digests, self.all_tags = {}, None

    def digest_for(self, tag):
        """The digest a tag names, or None (also for a string that is no registry tag)."""
        if tag not in self.digests:
            found = self.registry.manifest(self.repo, tag, head=True) if REGISTRY_TAG.fullmatch(tag) else None
            self.digests[tag] = found[2] if found else None
        return self.digests[tag]

    def holds(self, digest):
        return digest in self.pushed_at

    @property
    def tags_of(self):
        """{digest: [tags]} of every image, [] for an untagged one."""
        if self.all_tags is None:
            self.all_tags = {d: [] for d in self.pushed_at}
            for tag in self.registry.tags(self.repo):
                digest = self.digest_for(tag)
                if digest:
                    self.all_tags.setdefault(digest, []).append(tag)
        return self.all_tags

    def images(self):
        """Digests, oldest push first."""
        return sorted(self.tags_of, key=lambda d: (self.pushed_at.get(d, 0), d))
