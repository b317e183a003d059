"""Cloud Map's private DNS namespaces as AWS refuses them, where moto is stricter.

moto refuses a second private DNS namespace in a VPC, whatever its name (ConflictingDomainExists).
AWS refuses one only when a hosted zone of the same name is already associated with the VPC: a
private DNS namespace is a Route 53 private hosted zone
(https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html), and
ConflictingDomainExists, for a private hosted zone, means "a hosted zone with the specified name
already exists and is already associated with the Amazon VPC that you specified"
(https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateHostedZone.html). So the front
gives moto CreatePrivateDnsNamespace with the Vpc `<vpc>/<name>`: moto's check then refuses what AWS
refuses, the same name in the same VPC, and nothing else. moto keeps a namespace's VPC for that
check alone (its answers do not show it).

moto's ListServices ignores its NAMESPACE_ID filter and lists the services of every namespace;
AWS lists those of the namespace the filter names
(https://docs.aws.amazon.com/cloud-map/latest/api/API_ListServices.html). So the front keeps, of
moto's answer, the services whose namespace (GetService, the front's own call) is the one named:
without it, a deploy finds another namespace's service of the same name, and a teardown removes it.

Where moto enforces IAM (iam_mode.py) the request goes as the client signed it: moto checks the
signature of the body.

Python 3 standard library only.
"""

import json

PREFIX = "Route53AutoNaming_v20170314."
TARGET = PREFIX + "CreatePrivateDnsNamespace"


def rewrite(target, body):
    """The body moto is given for this call: CreatePrivateDnsNamespace's Vpc made per name."""
    if target != TARGET:
        return body
    try:
        request = json.loads(body or b"{}")
    except ValueError:
        return body
    if isinstance(request.get("Vpc"), str) and isinstance(request.get("Name"), str):
        request["Vpc"] = f"{request['Vpc']}/{request['Name'].lower()}"
    return json.dumps(request).encode()


def filter_services(target, request_body, answer, namespace_of):
    """moto's ListServices answer with only the services of the NAMESPACE_ID the request names.

    namespace_of(service_id) is the service's namespace id (or None when moto does not say)."""
    if target != PREFIX + "ListServices":
        return answer
    try:
        request = json.loads(request_body or b"{}")
        data = json.loads(answer or b"{}")
    except ValueError:
        return answer
    wanted = None
    for f in request.get("Filters") or []:
        if isinstance(f, dict) and f.get("Name") == "NAMESPACE_ID":
            wanted = set(f.get("Values") or [])
    if wanted is None or not isinstance(data.get("Services"), list):
        return answer
    data["Services"] = [s for s in data["Services"] if namespace_of(s.get("Id")) in wanted]
    return json.dumps(data).encode()
