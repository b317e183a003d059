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

Where moto enforces IAM (iam_mode.py) the request goes as the client signed it: moto checks the
signature of the body.

Python 3 standard library only.
"""

import json

TARGET = "Route53AutoNaming_v20170314.CreatePrivateDnsNamespace"


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
