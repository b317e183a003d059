"""ECR's image API answered from the stack's registry, so that ECR and the registry are one store.

In AWS the images `docker push` sends to <account>.dkr.ecr.<region>.amazonaws.com are the images
that DescribeImages, ListImages, BatchGetImage, PutImage and BatchDeleteImage see. moto keeps an
image store of its own that docker never reaches, so ecr-front.py hands those calls (and the image
side of DeleteRepository) to this module, which serves them from the registry (registry_api.py).

The registry deletes by digest only, so removing one tag of an image that has others deletes the
manifest and stores it again under the tags that stay, keeping its push time: what ECR's
BatchDeleteImage does in one step.

Python 3 standard library only.
"""

import base64
import hashlib
import json
import re
import threading

from registry_api import MANIFEST_TYPES, REGISTRY_TAG, Snapshot

INDEX_TYPES = MANIFEST_TYPES[2:]
# The constraints ECR's API model states; the repository pattern also keeps names out of paths.
REPOSITORY_NAME = re.compile(r"[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*")
ECR_DIGEST = re.compile(r"[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+")
PAGE = 100  # ECR's page size when maxResults is not given


class EcrError(Exception):
    """An ECR error answer: HTTP 400 with {"__type": code, "message": message}."""

    def __init__(self, code, message, status=400):
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def invalid(field, constraint):
    """ECR's answer to a parameter out of bounds."""
    return EcrError(
        "InvalidParameterException", f"Invalid parameter at '{field}' failed to satisfy constraint: '{constraint}'"
    )


def image_id_text(image_id):
    digest, tag = image_id.get("imageDigest", "null"), image_id.get("imageTag", "null")
    return "{imageDigest:'%s', imageTag:'%s'}" % (digest, tag)


class EcrImages:
    """The ECR image operations. `lookup(request)` answers the repository as moto describes it."""

    def __init__(self, registry):
        self.registry = registry
        self.locks, self.locks_guard = {}, threading.Lock()
        self.details = {}  # (repo, digest) -> size and media types: a digest's manifest never changes

    def lock(self, repo):
        with self.locks_guard:
            return self.locks.setdefault(repo, threading.Lock())

    # --- shared pieces ------------------------------------------------------------------------

    @staticmethod
    def resolve(image_id, snap):
        """(digest, failure code, failure reason) for an ImageIdentifier; digest None on failure."""
        tag, digest = image_id.get("imageTag"), image_id.get("imageDigest")
        if tag is None and digest is None:
            return None, "MissingDigestAndTag", "Invalid request parameters: both tag and digest cannot be null"
        if digest is not None and not ECR_DIGEST.fullmatch(digest):
            return (
                None,
                "InvalidImageDigest",
                "Invalid request parameters: image digest should satisfy the regex "
                "'[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'",
            )
        if tag is not None and not 1 <= len(tag) <= 300:
            return None, "InvalidImageTag", "Invalid request parameters: image tag should be 1 to 300 characters"
        found = snap.digest_for(tag) if tag is not None else (digest if snap.holds(digest) else None)
        if found is None:
            return None, "ImageNotFound", "Requested image not found"
        if tag is not None and digest is not None and found != digest:
            return None, "ImageTagDoesNotMatchDigest", "Invalid request parameters: tag does not match digest"
        return found, None, None

    def detail(self, repo, digest):
        key = (repo, digest)
        if key not in self.details:
            found = self.registry.manifest(repo, digest)
            if found is None:
                return None
            body, media_type, _ = found
            doc = json.loads(body)
            media_type = media_type or doc.get("mediaType")
            if media_type in INDEX_TYPES:
                # ECR: the size of a manifest list is the largest size among its images.
                sizes = [(self.detail(repo, m["digest"]) or {}).get("size", 0) for m in doc.get("manifests", [])]
                info = {"size": max(sizes, default=0), "mediaType": media_type}
            else:
                info = {
                    "size": sum(layer.get("size", 0) for layer in doc.get("layers", [])),
                    "mediaType": media_type,
                    "artifactMediaType": (doc.get("config") or {}).get("mediaType"),
                }
            if len(self.details) > 5000:
                self.details.clear()
            self.details[key] = info
        return self.details[key]

    @staticmethod
    def page(items, request):
        """ECR's pagination: maxResults (1-1000, default 100) and an opaque nextToken."""
        size = request.get("maxResults", PAGE)
        if not isinstance(size, int) or not 1 <= size <= 1000:
            raise invalid("maxResults", "Member must have value between 1 and 1000")
        start = 0
        if request.get("nextToken"):
            try:
                start = json.loads(base64.b64decode(request["nextToken"]))["offset"]
            except (ValueError, KeyError, TypeError) as e:
                raise invalid("nextToken", "Invalid token") from e
        chunk, end = items[start : start + size], start + size
        token = base64.b64encode(json.dumps({"offset": end}).encode()).decode() if end < len(items) else None
        return chunk, token

    @staticmethod
    def tag_status(request, name):
        status = (request.get("filter") or {}).get("tagStatus", "ANY")
        if status not in ("TAGGED", "UNTAGGED", "ANY"):
            raise invalid(f"{name}.filter.tagStatus", "Member must be one of TAGGED, UNTAGGED, ANY")
        return status

    # --- operations: (request, repo, registry id, repository as moto describes it) -> answer ----

    def describe_images(self, request, repo, registry_id, _repository):
        with self.lock(repo):
            snap = Snapshot(self.registry, repo)
            if request.get("imageIds"):
                digests = []
                for image_id in request["imageIds"]:
                    digest, _, _ = self.resolve(image_id, snap)
                    if digest is None:
                        raise EcrError(
                            "ImageNotFoundException",
                            f"The image with imageId {image_id_text(image_id)} does not exist within the "
                            "repository "
                            f"with name '{repo}' in the registry with id '{registry_id}'",
                        )
                    if digest not in digests:
                        digests.append(digest)
                token = None
            else:
                status = self.tag_status(request, "describeImagesRequest")
                digests = [
                    d for d in snap.images() if status == "ANY" or (status == "TAGGED") == bool(snap.tags_of[d])
                ]
                digests, token = self.page(digests, request)
            details = []
            for digest in digests:
                info = self.detail(repo, digest)
                if info is None:  # deleted between the listing and now
                    continue
                entry = {
                    "registryId": registry_id,
                    "repositoryName": repo,
                    "imageDigest": digest,
                    "imageSizeInBytes": info["size"],
                    "imagePushedAt": round(snap.pushed_at.get(digest, 0), 3),
                    "imageManifestMediaType": info["mediaType"],
                }
                if snap.tags_of.get(digest):
                    entry["imageTags"] = list(snap.tags_of[digest])
                if info.get("artifactMediaType"):
                    entry["artifactMediaType"] = info["artifactMediaType"]
                details.append(entry)
        return {"imageDetails": details, **({"nextToken": token} if token else {})}

    def list_images(self, request, repo, _registry_id, _repository):
        status = self.tag_status(request, "listImagesRequest")
        ids = []
        with self.lock(repo):
            snap = Snapshot(self.registry, repo)
            for digest in snap.images():
                tags = snap.tags_of[digest]
                if tags and status != "UNTAGGED":
                    ids += [{"imageDigest": digest, "imageTag": t} for t in tags]
                elif not tags and status != "TAGGED":
                    ids.append({"imageDigest": digest})
        ids, token = self.page(ids, request)
        return {"imageIds": ids, **({"nextToken": token} if token else {})}

    def batch_get_image(self, request, repo, registry_id, _repository):
        image_ids = request.get("imageIds") or []
        if not 1 <= len(image_ids) <= 100:
            raise invalid("imageIds", "Member must have length between 1 and 100")
        accepted = request.get("acceptedMediaTypes")
        images, failures = [], []
        with self.lock(repo):
            snap = Snapshot(self.registry, repo)
            for image_id in image_ids:
                digest, code, reason = self.resolve(image_id, snap)
                found = self.registry.manifest(repo, digest) if digest else None
                if digest and found is None:
                    code, reason = "ImageNotFound", "Requested image not found"
                elif found and accepted and found[1] not in accepted:
                    # ECR would convert a schema 2 manifest to schema 1 for such a caller; not emulated.
                    code, reason = "ImageNotFound", f"Requested image not found in an accepted media type: {found[1]}"
                    found = None
                if found is None:
                    failures.append({"imageId": image_id, "failureCode": code, "failureReason": reason})
                    continue
                body, media_type, _ = found
                images.append(
                    {
                        "registryId": registry_id,
                        "repositoryName": repo,
                        "imageId": {**image_id, "imageDigest": digest},
                        "imageManifest": body.decode("utf-8"),
                        "imageManifestMediaType": media_type,
                    }
                )
        return {"images": images, "failures": failures}

    def put_image(self, request, repo, registry_id, repository):
        text, tag = request.get("imageManifest"), request.get("imageTag")
        if not isinstance(text, str) or not 1 <= len(text) <= 4194304:
            raise invalid("imageManifest", "Member must have length between 1 and 4194304")
        try:
            doc = json.loads(text)
        except ValueError as e:
            raise invalid("ImageManifest", "Invalid JSON syntax") from e
        media_type = request.get("imageManifestMediaType") or (doc.get("mediaType") if isinstance(doc, dict) else None)
        if media_type not in MANIFEST_TYPES:
            raise invalid("imageManifestMediaType", f"Member must be one of {', '.join(MANIFEST_TYPES)}")
        if tag is not None and not REGISTRY_TAG.fullmatch(tag):
            raise invalid("imageTag", f"Member must satisfy regular expression pattern: {REGISTRY_TAG.pattern}")
        manifest = text.encode("utf-8")
        digest = "sha256:" + hashlib.sha256(manifest).hexdigest()
        if request.get("imageDigest") not in (None, digest):
            raise EcrError(
                "ImageDigestDoesNotMatchException",
                f"Provided digest {request['imageDigest']} does not match the calculated digest {digest} "
                "of the image manifest",
            )
        with self.lock(repo):
            snap = Snapshot(self.registry, repo)
            held = snap.digest_for(tag) if tag is not None else (digest if snap.holds(digest) else None)
            if held == digest:
                raise EcrError(
                    "ImageAlreadyExistsException",
                    f"Image with digest '{digest}' and tag '{tag if tag is not None else 'null'}' already exists "
                    f"in the repository with name '{repo}' in registry with id '{registry_id}'",
                )
            if held is not None and tag is not None and immutable(repository, tag):
                raise EcrError(
                    "ImageTagAlreadyExistsException",
                    f"The image tag '{tag}' already exists in the '{repo}' repository and cannot be overwritten "
                    "because the repository is immutable.",
                )
            status, code = self.registry.put(repo, tag if tag is not None else digest, manifest, media_type)
        if code in ("MANIFEST_BLOB_UNKNOWN", "BLOB_UNKNOWN"):
            if media_type in INDEX_TYPES:
                raise EcrError(
                    "ReferencedImagesNotFoundException",
                    "The manifest list references images that do not exist in the repository",
                )
            raise EcrError(
                "LayersNotFoundException",
                "The layers or config that the image manifest references were not found in the repository",
            )
        if status >= 300:
            raise invalid("imageManifest", f"the registry refused it: {status} {code}")
        image_id = {"imageDigest": digest, **({"imageTag": tag} if tag is not None else {})}
        return {
            "image": {
                "registryId": registry_id,
                "repositoryName": repo,
                "imageId": image_id,
                "imageManifest": text,
                "imageManifestMediaType": media_type,
            }
        }

    def batch_delete_image(self, request, repo, _registry_id, _repository):
        image_ids = request.get("imageIds") or []
        if not 1 <= len(image_ids) <= 100:
            raise invalid("imageIds", "Member must have length between 1 and 100")
        deleted, failures = [], []
        with self.lock(repo):
            snap = Snapshot(self.registry, repo)
            whole, untag = [], {}  # digests to delete; digest -> tags to remove
            for image_id in image_ids:
                digest, code, reason = self.resolve(image_id, snap)
                if digest is None:
                    failures.append({"imageId": image_id, "failureCode": code, "failureReason": reason})
                elif "imageDigest" in image_id:
                    # By digest (with or without its tag): the image and all its tags go.
                    if digest not in whole:
                        whole.append(digest)
                        tags = snap.tags_of.get(digest) or [None]
                        deleted += [{"imageDigest": digest, **({"imageTag": t} if t else {})} for t in tags]
                else:
                    removing = untag.setdefault(digest, [])
                    if image_id["imageTag"] not in removing:
                        removing.append(image_id["imageTag"])
                        deleted.append({"imageDigest": digest, "imageTag": image_id["imageTag"]})
            for digest in whole:
                self.registry.delete(repo, digest)
            for digest, removing in untag.items():
                if digest in whole:
                    continue
                keep = [t for t in snap.tags_of.get(digest, []) if t not in removing]
                self.untag(repo, digest, keep, snap.pushed_at.get(digest))
        # A tag named twice is reported once; a digest deleted whole also covers its tags.
        seen, unique = set(), []
        for entry in deleted:
            key = (entry["imageDigest"], entry.get("imageTag"))
            if key not in seen:
                seen.add(key)
                unique.append(entry)
        return {"imageIds": unique, "failures": failures}

    def untag(self, repo, digest, keep, pushed_at):
        """Removes the other tags of `digest` (the registry deletes by digest only): delete the
        manifest, store it again under each tag in `keep`. With no tag left, the image is gone,
        as in ECR when an image loses its last tag."""
        found = self.registry.manifest(repo, digest) if keep else None
        self.registry.delete(repo, digest)
        if not found:
            return
        body, media_type, _ = found
        for tag in keep:
            status, code = self.registry.put(repo, tag, body, media_type)
            if status >= 300:
                raise EcrError(
                    "ServerException", f"re-tagging {repo}:{tag} after removing other tags failed: {status} {code}", 500
                )
        if pushed_at:
            self.registry.keep_pushed_at(repo, digest, pushed_at)

    def delete_repository(self, request, repo, registry_id, _repository):
        """Empties the registry's repository for DeleteRepository (force), or refuses (not force).
        Returns None: moto then deletes the repository itself."""
        with self.lock(repo):
            digests = Snapshot(self.registry, repo).images()
            if digests and not request.get("force"):
                raise EcrError(
                    "RepositoryNotEmptyException",
                    f"The repository with name '{repo}' in registry with id '{registry_id}' cannot be deleted "
                    "because it still contains images",
                )
            for digest in digests:
                self.registry.delete(repo, digest)
        return None


def immutable(repository, tag):
    """Whether `tag` may not move in this repository (ECR's tag mutability and its exclusion filters)."""
    mode = repository.get("imageTagMutability", "MUTABLE")
    excluded = any(
        wildcard(f.get("filter", ""), tag) for f in repository.get("imageTagMutabilityExclusionFilters") or []
    )
    if mode == "IMMUTABLE_WITH_EXCLUSION":
        return not excluded
    if mode == "MUTABLE_WITH_EXCLUSION":
        return excluded
    return mode == "IMMUTABLE"


def wildcard(pattern, text):
    return re.fullmatch(".*".join(re.escape(part) for part in pattern.split("*")), text) is not None

