"""IAM's SimulatePrincipalPolicy, which moto does not implement (its server answers 500).

https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html: evaluates
ActionNames on ResourceArns with ContextEntries against the policies of PolicySourceArn (a user,
with its groups', or a role); one EvaluationResult per action with a ResourceSpecificResult per
resource (https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html).

What the stack answers is what its moto would do with the calls:
  - moto not enforcing IAM allows every call: every decision is `allowed`;
  - moto enforcing IAM (iam_mode.py): moto first decides whether the caller may call
    iam:SimulatePrincipalPolicy (the front forwards the request; moto refuses it, or answers 500),
    then the principal's inline and attached policies, read from moto as the stack's admin, are
    evaluated by moto's own evaluator (moto/iam/access_control.py), which matches resources and
    evaluates StringEquals conditions.
"""

import re
import uuid
from urllib.parse import parse_qs
from xml.sax.saxutils import escape

XMLNS = "https://iam.amazonaws.com/doc/2010-05-08/"
PRINCIPAL = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:(user|role|group)/(?:.*/)?([\w+=,.@-]+)$")


def is_simulation(headers, body):
    """Whether the request is IAM's SimulatePrincipalPolicy (the query protocol: a form body)."""
    if headers.get("X-Amz-Target") or b"SimulatePrincipalPolicy" not in body:
        return False
    return parse_qs(body.decode("utf-8", "replace")).get("Action") == ["SimulatePrincipalPolicy"]


def members(query, prefix):
    """`Prefix.member.N` values, in order of N."""
    found = {}
    for key, values in query.items():
        m = re.fullmatch(re.escape(prefix) + r"\.member\.(\d+)", key)
        if m:
            found[int(m.group(1))] = values[0]
    return [found[n] for n in sorted(found)]


def request_of(body):
    query = parse_qs(body.decode("utf-8"))
    context = {}
    for n in range(1, 1 + len(members(query, "ContextEntries"))):
        name = query.get(f"ContextEntries.member.{n}.ContextKeyName", [""])[0]
        values = members(query, f"ContextEntries.member.{n}.ContextKeyValues")
        if name and values:
            context[name] = values[0]
    return {
        "source": query.get("PolicySourceArn", [""])[0],
        "actions": members(query, "ActionNames"),
        "resources": members(query, "ResourceArns") or ["*"],
        "context": context,
    }


def allow_all(body):
    """The default stack's answer: moto not enforcing IAM allows every call. (status, XML body)"""
    request = request_of(body)
    decisions = {(a, r): "allowed" for a in request["actions"] for r in request["resources"]}
    return answer(request, decisions)


def simulate(body, admin_iam):
    """The IAM-enforcing stack's answer: (status, XML body)."""
    request = request_of(body)
    principal = PRINCIPAL.match(request["source"])
    if not principal:
        return error(400, "InvalidInput", f"Invalid ARN for PolicySourceArn: {request['source']}")
    try:
        documents = policies(admin_iam, principal.group(1), principal.group(2))
    except admin_iam.exceptions.NoSuchEntityException:
        return error(404, "NoSuchEntity", f"The {principal.group(1)} with name {principal.group(2)} cannot be found.")
    decisions = {
        (a, r): decide(documents, a, r, request["context"]) for a in request["actions"] for r in request["resources"]
    }
    return answer(request, decisions)


def policies(iam, kind, name):
    """The policy documents of a user (with its groups') or a role, as moto holds them."""
    documents = []
    owners = [(kind, name)]
    if kind == "user":
        owners += [("group", g["GroupName"]) for g in iam.list_groups_for_user(UserName=name)["Groups"]]
    for owner_kind, owner in owners:
        key = {"UserName" if owner_kind == "user" else "RoleName" if owner_kind == "role" else "GroupName": owner}
        for policy_name in getattr(iam, f"list_{owner_kind}_policies")(**key)["PolicyNames"]:
            documents.append(getattr(iam, f"get_{owner_kind}_policy")(**key, PolicyName=policy_name)["PolicyDocument"])
        for attached in getattr(iam, f"list_attached_{owner_kind}_policies")(**key)["AttachedPolicies"]:
            version = iam.get_policy(PolicyArn=attached["PolicyArn"])["Policy"]["DefaultVersionId"]
            documents.append(
                iam.get_policy_version(PolicyArn=attached["PolicyArn"], VersionId=version)["PolicyVersion"]["Document"]
            )
    return documents


def decide(documents, action, resource, context):
    """allowed, explicitDeny or implicitDeny, by moto's evaluator, statement by statement."""
    from moto.iam.access_control import IAMPolicyStatement, PermissionResult

    allowed = False
    for document in documents:
        statements = document["Statement"] if isinstance(document["Statement"], list) else [document["Statement"]]
        for statement in statements:
            evaluator = IAMPolicyStatement(statement)
            # moto answers DENIED for a statement whose conditions do not hold, an Allow's too; for
            # IAM such a statement does not apply.
            if not evaluator._check_conditions(context):
                continue
            result = evaluator.is_action_permitted(action, resource, None, context)
            if result == PermissionResult.DENIED:
                return "explicitDeny"
            allowed = allowed or result == PermissionResult.PERMITTED
    return "allowed" if allowed else "implicitDeny"


def answer(request, decisions):
    order = {"allowed": 0, "implicitDeny": 1, "explicitDeny": 2}
    results = []
    for action in request["actions"]:
        specific = [(r, decisions[(action, r)]) for r in request["resources"]]
        aggregate = max((d for _, d in specific), key=order.get, default="implicitDeny")
        resources = "".join(
            f"<member><EvalResourceName>{escape(r)}</EvalResourceName><EvalResourceDecision>{d}</EvalResourceDecision>"
            "<MatchedStatements/><MissingContextValues/></member>"
            for r, d in specific
        )
        results.append(
            f"<member><EvalActionName>{escape(action)}</EvalActionName><EvalDecision>{aggregate}</EvalDecision>"
            f"<MatchedStatements/><MissingContextValues/><ResourceSpecificResults>{resources}</ResourceSpecificResults></member>"
        )
    body = (
        f'<SimulatePrincipalPolicyResponse xmlns="{XMLNS}"><SimulatePrincipalPolicyResult>'
        f"<IsTruncated>false</IsTruncated><EvaluationResults>{''.join(results)}</EvaluationResults>"
        f"</SimulatePrincipalPolicyResult><ResponseMetadata><RequestId>{uuid.uuid4()}</RequestId></ResponseMetadata>"
        "</SimulatePrincipalPolicyResponse>"
    )
    return 200, body.encode()


def error(status, code, message):
    body = (
        f'<ErrorResponse xmlns="{XMLNS}"><Error><Type>Sender</Type><Code>{code}</Code>'
        f"<Message>{escape(message)}</Message></Error><RequestId>{uuid.uuid4()}</RequestId></ErrorResponse>"
    )
    return status, body.encode()
