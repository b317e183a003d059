#!/usr/bin/env python3
"""The stack's AWS endpoint: moto behind it, with ECR's image calls served from the registry.

Every request is recorded, then forwarded to moto as it came, except these ECR operations
(X-Amz-Target AmazonEC2ContainerRegistry_V20150921.<operation>), answered from the registry's
content by ecr_images.py after moto has said the repository exists (DescribeRepositories, with the
caller's own Authorization header, so the region and the account are the caller's):

  DescribeImages, ListImages, BatchGetImage, PutImage, BatchDeleteImage
  DeleteRepository   refused with RepositoryNotEmptyException while the registry holds images of
                     the repository (unless force, which deletes them), then forwarded to moto

Errors have ECR's shape: HTTP 400 and {"__type": "<Exception>", "message": "..."}.

ECS calls are forwarded to moto, and their answers completed where moto's ECS falls short of
ECS: by ecs_emulation.py (one-off tasks (RunTask) that stop as the control file says, and the
service settings moto's CreateService drops), then by ecs_rollouts.py for a service a test has
marked (POST /habitat-ecs-stack/failed-rollouts): the deployments of the marked task definition
fail as ECS's circuit breaker fails them, and by ecs_service_connect.py (the Service Connect
configuration moto drops, on each service's PRIMARY deployment). The service deployment APIs of
BLUE_GREEN, LINEAR and CANARY services (ListServiceDeployments, DescribeServiceDeployments,
DescribeServiceRevisions, StopServiceDeployment), which moto lacks, are answered by
ecs_deployments.py. Cloud Map's namespaces are made per name and VPC, and ListServices lists one
namespace's services, as AWS does (cloud_map_rules.py). Before forwarding, ecs_rules.py refuses what
ECS refuses and moto takes (tags, task definitions, UpdateService on another deployment controller).
Last, stale_reads.py answers the reads right after a write as ECS's eventual consistency may
(`local-stack stale-reads N`). IAM's SimulatePrincipalPolicy, which moto does not implement, is
answered by policy_simulator.py.

The record is one JSON line per request (method, url, headers, body), in the format of moto's
recorder, which this replaces: it lists what clients sent, not the front's own calls to moto.

Python 3 standard library only.
"""

import argparse
import base64
import datetime
import http.client
import json
import os
import sys
import threading
import uuid
from urllib.parse import parse_qs, urlsplit
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ecr_images import REPOSITORY_NAME, EcrError, EcrImages, immutable, invalid  # noqa: E402
from ecs_emulation import ECS, EcsEmulation  # noqa: E402
from registry_api import Registry, RegistryError, Snapshot  # noqa: E402
from ecs_rollouts import PATH as ROLLOUTS_PATH, FailedRollouts  # noqa: E402
from ecs_deployments import OPERATIONS as DEPLOYMENT_CALLS, PATH as DEPLOYMENTS_PATH, ServiceDeployments  # noqa: E402
from ecs_service_connect import ServiceConnect  # noqa: E402
import cloud_map_rules  # noqa: E402
from stale_reads import StaleReads  # noqa: E402
import iam_mode  # noqa: E402
import policy_simulator  # noqa: E402
import ecs_rules  # noqa: E402

ECR = "AmazonEC2ContainerRegistry_V20150921."
TAG_LOCKED_PATH = "/habitat-ecs-stack/tag-locked"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade"}
LOG_LOCK = threading.Lock()


class Moto:
    """The moto server behind the front; `signer` signs the front's own calls where moto enforces IAM."""

    def __init__(self, port, signer=None):
        self.port = port
        self.signer = signer

    def own_call(self, service, region, target, request, key="AKIALOCALSTACKTEST00"):
        """A JSON call of the front's own, as the client's account and region (moto routes by the
        credential scope's service): (status, headers, body)."""
        body = json.dumps(request).encode()
        if self.signer:
            headers = self.signer.headers(service, region, target, body, self.port)
        else:
            date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d")
            headers = {
                "Authorization": f"AWS4-HMAC-SHA256 Credential={key}/{date}/{region}/{service}/aws4_request, "
                "SignedHeaders=host, Signature=0",
                "Content-Type": "application/x-amz-json-1.1",
                "X-Amz-Target": target,
            }
        return self.call("POST", "/", body, headers)

    def admin_iam(self):
        """A boto3 IAM client of moto's, as the stack's admin (only where moto enforces IAM)."""
        import boto3

        return boto3.client(
            "iam",
            endpoint_url=f"http://127.0.0.1:{self.port}",
            region_name="us-east-1",
            aws_access_key_id=self.signer.key,
            aws_secret_access_key=self.signer.secret,
        )

    def call(self, method, path, body, headers):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            conn.request(method, path, body=body, headers=headers)
            res = conn.getresponse()
            return res.status, res.getheaders(), res.read()
        finally:
            conn.close()

    def repository(self, name, registry_id, client_headers):
        """moto's description of the repository: (repository, None), or (None, moto's error answer)."""
        request = {"repositoryNames": [name], **({"registryId": registry_id} if registry_id else {})}
        auth = client_headers.get("Authorization", "")
        key = iam_mode.caller_key(client_headers) or "AKIALOCALSTACKTEST00"
        status, answer_headers, body = self.own_call("ecr", scope_region(auth), ECR + "DescribeRepositories", request, key)
        if status != 200:
            return None, (status, answer_headers, body)
        return json.loads(body)["repositories"][0], None


def scope_region(authorization):
    """The region of a SigV4 credential scope (.../<date>/<region>/<service>/aws4_request)."""
    try:
        return authorization.split("Credential=", 1)[1].split(",", 1)[0].split("/")[2]
    except IndexError:
        return "us-east-1"


def make_handler(moto, images, call_log, ecs, rollouts, stale, deployments, connect):
    operations = {
        "DescribeImages": images.describe_images,
        "ListImages": images.list_images,
        "BatchGetImage": images.batch_get_image,
        "PutImage": images.put_image,
        "BatchDeleteImage": images.batch_delete_image,
        "DeleteRepository": images.delete_repository,
    }

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # the call log says it
            pass

        def record(self, body):
            if self.path.startswith(("/moto-api/recorder/", ROLLOUTS_PATH, TAG_LOCKED_PATH, DEPLOYMENTS_PATH)):
                return
            try:
                text, encoded = body.decode("utf-8"), False
            except UnicodeDecodeError:
                text, encoded = base64.b64encode(body).decode("ascii"), True
            entry = {
                # Title-Case names (X-Amz-Target), as moto's recorder wrote them, whatever the client sent
                "headers": {"-".join(w.capitalize() for w in k.split("-")): v for k, v in self.headers.items()},
                "method": self.command,
                "url": f"http://{self.headers.get('Host', '127.0.0.1')}{self.path}",
                "body": text,
                "body_encoded": encoded,
            }
            with LOG_LOCK, open(call_log, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")

        def reply(self, status, headers, body):
            self.send_response(status)
            for k, v in headers:
                if k.lower() not in HOP_BY_HOP and k.lower() != "content-length":
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def reply_json(self, status, value, error_type=None):
            headers = [("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-RequestId", str(uuid.uuid4()))]
            if error_type:
                headers.append(("x-amzn-ErrorType", error_type))
            self.reply(status, headers, json.dumps(value).encode())

        def handle_any(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            self.record(body)
            target = self.headers.get("X-Amz-Target", "")
            if self.path.startswith(ROLLOUTS_PATH):
                return self.reply_json(*rollouts.control(self.command, body))
            if self.path.startswith(DEPLOYMENTS_PATH):
                return self.reply_json(*deployments.control(self.command, body))
            # The service deployment APIs moto lacks, for BLUE_GREEN, LINEAR and CANARY: ecs_deployments.py
            if target.startswith(ECS) and target[len(ECS) :] in DEPLOYMENT_CALLS:
                status, value = deployments.serve(target[len(ECS) :], json.loads(body or b"{}"))
                return self.reply_json(status, value, value.get("__type"))
            if self.path.startswith(TAG_LOCKED_PATH):
                return self.reply_json(200, {"locked": self.tag_locked(parse_qs(urlsplit(self.path).query))})
            if self.path == "/moto-api/reset":
                rollouts.reset()
                deployments.reset()
                stale.reset()
                connect.reset()
            if policy_simulator.is_simulation(self.headers, body):
                return self.simulate(body)
            operation = operations.get(target[len(ECR) :]) if target.startswith(ECR) else None
            if operation is None:
                return self.forward(body)
            if moto.signer and target != ECR + "DeleteRepository":
                # moto decides whether the caller may; the registry answers what the call does.
                status, _, data = moto.call(self.command, self.path, body, dict(self.headers.items()))
                refusal = iam_mode.json_refusal(status, data)
                if refusal:
                    return self.reply_json(refusal[0], refusal[1], refusal[1]["__type"])
            try:
                answer = self.serve(operation, body)
            except EcrError as e:
                return self.reply_json(e.status, {"__type": e.code, "message": e.message}, e.code)
            except RegistryError as e:
                return self.reply_json(500, {"__type": "ServerException", "message": str(e)}, "ServerException")
            if isinstance(answer, tuple):  # moto's own answer (an error about the repository)
                return self.reply(*answer)
            if answer is None:  # DeleteRepository: the registry side is done, moto deletes the rest
                return self.forward(body)
            return self.reply_json(200, answer)

        def simulate(self, body):
            """IAM's SimulatePrincipalPolicy, which moto lacks (it answers 500): policy_simulator.py."""
            answer = moto.call(self.command, self.path, body, {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP})
            if answer[0] != 500:  # moto's own: a refusal where it enforces IAM (or, one day, its simulation)
                return self.reply(*answer)
            if moto.signer:
                status, data = policy_simulator.simulate(body, moto.admin_iam())
            else:
                status, data = policy_simulator.allow_all(body)
            return self.reply(status, [("Content-Type", "text/xml")], data)

        def tag_locked(self, query):
            """For registry-front.py: whether a manifest PUT of the tag is refused (ECR's tag immutability)."""
            region, repo, tag = (query.get(k, [""])[0] for k in ("region", "repository", "tag"))
            scope = f"Credential=AKIALOCALSTACKTEST00/20200101/{region}/ecr/aws4_request"
            headers = {"Authorization": f"AWS4-HMAC-SHA256 {scope}, SignedHeaders=host, Signature=0"}
            repository, refused = moto.repository(repo, None, headers)
            if refused or not immutable(repository, tag):
                return False
            return Snapshot(images.registry, repo).digest_for(tag) is not None

        def serve(self, operation, body):
            try:
                request = json.loads(body or b"{}")
            except ValueError as e:
                raise EcrError("SerializationException", f"the request body is not JSON: {e}") from e
            name = request.get("repositoryName")
            if not isinstance(name, str) or not 2 <= len(name) <= 256 or not REPOSITORY_NAME.fullmatch(name):
                raise invalid("repositoryName", f"Member must satisfy regular expression pattern: {REPOSITORY_NAME.pattern}")
            repository, refused = moto.repository(name, request.get("registryId"), self.headers)
            if refused:
                return refused
            return operation(request, name, repository["registryId"], repository)

        def forward(self, body):
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            target = self.headers.get("X-Amz-Target", "")
            operation = target[len(ECS) :] if target.startswith(ECS) else ""
            request = json.loads(body or b"{}") if operation else {}
            refused = ecs_rules.check(operation, request, self.describe_service) if operation else None
            if refused and refused[0] == "service":  # CreateService again: ECS answers the service it made
                return self.reply_json(200, {"service": refused[1]})
            if refused:
                return self.reply_json(refused[0], refused[1], refused[1]["__type"])
            snapshot = stale.before(operation, request, self.describe_service)
            if not moto.signer:  # a namespace per name and VPC, as AWS has it: cloud_map_rules.py
                body = cloud_map_rules.rewrite(target, body)
                headers = {k: v for k, v in headers.items() if k.lower() != "content-length"}
                headers["Content-Length"] = str(len(body))
            try:
                answer = moto.call(self.command, self.path, body, headers)
            except OSError as e:
                error = {"__type": "ServiceUnavailableException", "message": f"ecr-front: moto: {e}"}
                return self.reply_json(502, error, error["__type"])
            refusal = iam_mode.json_refusal(answer[0], answer[2]) if target else None
            if refusal:  # moto refuses in XML; ECS and ECR answer JSON
                return self.reply_json(refusal[0], refusal[1], refusal[1]["__type"])
            if moto.signer and target == ECR + "GetAuthorizationToken" and answer[0] == 200:
                answer = (answer[0], answer[1], iam_mode.token_for(answer[2], iam_mode.caller_key(self.headers)))
            # What moto's ECS does not do (one-off tasks that stop, settings it drops): ecs_emulation.py
            status, answer_headers, data = ecs.after(target, body, self.headers, answer)
            # Cloud Map's ListServices of one namespace, which moto answers with all: cloud_map_rules.py
            if status == 200:
                data = cloud_map_rules.filter_services(target, body, data, self.service_namespace)
            # Deployments a test marked as failing, as ECS's circuit breaker leaves them: ecs_rollouts.py
            if status == 200 and operation in ("CreateService", "UpdateService", "DescribeServices"):
                data = json.dumps(rollouts.rewrite(operation, request, json.loads(data))).encode()
                # Service Connect, which moto drops: ecs_service_connect.py
                data = json.dumps(connect.rewrite(operation, request, json.loads(data))).encode()
            # Reads that do not see a write yet (eventual consistency): stale_reads.py
            if status == 200 and operation in ("CreateService", "UpdateService", "RunTask"):
                stale.written(operation, request, json.loads(data), snapshot)
            # A BLUE_GREEN, LINEAR or CANARY service's write starts a service deployment: ecs_deployments.py
            if status == 200 and operation in ("CreateService", "UpdateService"):
                deployments.written(operation, request, json.loads(data), self.headers)
            if status == 200 and operation in ("DescribeServices", "DescribeTasks"):
                data = json.dumps(stale.read(operation, request, json.loads(data))).encode()
            return self.reply(status, answer_headers, data)

        def service_namespace(self, service_id):
            """The namespace id of a Cloud Map service, as moto's GetService says (the front's own call)."""
            target = cloud_map_rules.PREFIX + "GetService"
            answer = ecs.call(self.headers, "servicediscovery", target, {"Id": service_id})
            return ((answer or {}).get("Service") or {}).get("NamespaceId")

        def describe_service(self, cluster, name):
            """The service as moto describes it now (the front's own call, not recorded)."""
            answer = ecs.call(self.headers, "ecs", ECS + "DescribeServices", {"cluster": cluster, "services": [name]})
            services = (answer or {}).get("services") or []
            return services[0] if services else None

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_any

    return Handler


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--listen-port", type=int, required=True)
    p.add_argument("--moto-port", type=int, required=True)
    p.add_argument("--registry-port", type=int, required=True, help="the registry's plain-HTTP port on 127.0.0.1")
    p.add_argument("--registry-storage", required=True, help="the registry's filesystem rootdirectory")
    p.add_argument("--registry-password-file", required=True, help="the password of user AWS")
    p.add_argument("--call-log", required=True)
    p.add_argument("--run-task-control", required=True, help="how one-off tasks end (ecs_emulation.py)")
    p.add_argument("--stale-reads-control", required=True, help="reads that do not see a write yet (stale_reads.py)")
    p.add_argument("--signer", help="keys of the admin user the front's own calls are signed as (iam_mode.py)")
    a = p.parse_args()
    with open(a.registry_password_file, encoding="utf-8") as f:
        password = f.read().strip()
    registry = Registry("127.0.0.1", a.registry_port, "AWS", password, a.registry_storage)
    moto = Moto(a.moto_port, iam_mode.Signer(a.signer) if a.signer else None)
    ecs = EcsEmulation(moto, a.run_task_control)
    deployments = ServiceDeployments(moto, ecs.call)
    handler = make_handler(
        moto,
        EcrImages(registry),
        a.call_log,
        ecs,
        FailedRollouts(),
        StaleReads(a.stale_reads_control),
        deployments,
        ServiceConnect(),
    )
    server = ThreadingHTTPServer(("127.0.0.1", a.listen_port), handler)
    server.daemon_threads = True
    print(f"ecr-front on 127.0.0.1:{a.listen_port} -> moto 127.0.0.1:{a.moto_port}, "
          f"images from the registry on 127.0.0.1:{a.registry_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
