"""The stack's IAM-enforcing side: moto checks every call against the caller's IAM policies.

moto enforces IAM once its count of unauthenticated requests is used up (INITIAL_NO_AUTH_ACTION_COUNT,
and POST /moto-api/reset-auth; http://docs.getmoto.org/en/latest/docs/iam.html): it checks the
SigV4 signature with the caller's secret, then the action against the caller's policies, on
Resource "*" only (a statement scoped to an ARN matches nothing there, and conditions are not
evaluated). The tests therefore prove actions here and resources and conditions from the recorded
calls (__tests__/support/iam-proof.ts). What the stack adds around moto:

  - its own calls to moto (the fronts' lookups) are signed as the stack's admin user;
  - moto answers a refusal in XML, where ECS and ECR answer JSON (HTTP 400, AccessDeniedException,
    https://docs.aws.amazon.com/AmazonECS/latest/APIReference/CommonErrors.html): translated;
  - the registry token names its caller (the password carries "@<access key id>", as ECR's token
    carries the identity it was issued to), so the registry front can ask moto, as that caller,
    for the ECR action each registry request is
    (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html).

Users are made with `local-stack iam-user NAME POLICY.json`, which keeps their keys in
$STATE/iam/users/<access key id>.json for the registry front.

Needs botocore (moto's own dependency) for SigV4.
"""

import datetime
import json
import os
import re
import xml.etree.ElementTree as ET

ECR = "AmazonEC2ContainerRegistry_V20150921."


class Signer:
    """Signs JSON-protocol calls to moto as one IAM user (its keys in a JSON file)."""

    def __init__(self, key_file):
        with open(key_file, encoding="utf-8") as f:
            keys = json.load(f)
        self.key, self.secret = keys["accessKeyId"], keys["secretAccessKey"]

    def headers(self, service, region, target, body, port):
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials

        request = AWSRequest(
            method="POST",
            url=f"http://127.0.0.1:{port}/",
            data=body,
            headers={"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": target},
        )
        SigV4Auth(Credentials(self.key, self.secret), service, region).add_auth(request)
        return dict(request.headers.items())


def json_refusal(status, body):
    """moto's XML refusal (403) as ECS and ECR send it: (400, JSON body) ; None when it is not one."""
    if status != 403:
        return None
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return None
    code = next((e.text for e in root.iter() if e.tag.endswith("Code")), "") or ""
    message = next((e.text for e in root.iter() if e.tag.endswith("Message")), "") or ""
    kind = "AccessDeniedException" if "AccessDenied" in code else code or "AccessDeniedException"
    return 400, {"__type": kind, "message": message}


def token_for(answer_body, access_key):
    """GetAuthorizationToken's answer with the password naming its caller ("<password>@<key id>")."""
    answer = json.loads(answer_body)
    for data in answer.get("authorizationData", []):
        import base64

        user, password = base64.b64decode(data["authorizationToken"]).decode().split(":", 1)
        data["authorizationToken"] = base64.b64encode(f"{user}:{password}@{access_key}".encode()).decode()
    return json.dumps(answer).encode()


def caller_key(headers):
    auth = headers.get("Authorization", "")
    match = re.search(r"Credential=([^/]+)/", auth)
    return match.group(1) if match else ""


def user_keys(users_dir, key_id):
    """The keys file of a user the stack made; None when it made none with that key."""
    path = os.path.join(users_dir, f"{os.path.basename(key_id)}.json")
    return path if os.path.exists(path) else None


def stamp():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
