"""What ECS refuses that moto takes, checked by the front (ecr-front.py) before it forwards a call.

Only the rules that the calls the action makes can break, each with the page that states it:

  Tags (RegisterTaskDefinition, CreateService, RunTask, TagResource): at most 50 a resource; a key
    of 1-128 and a value of 0-256 characters, both matching ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$; no
    key starting with "aws:". https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html
  RegisterTaskDefinition: a family and container names of up to 255 letters, digits, hyphens and
    underscores; at most 10 containers (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html);
    Fargate needs awsvpc and a task cpu/memory pair Fargate offers; under awsvpc a hostPort is its
    containerPort; a health check's timeout is 2-60 s, interval 5-300 s, retries 1-10, start
    period 0-300 s; a container's memory is at least 6 MiB; without task memory (EC2) each
    container says memory or memoryReservation.
    https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html
    https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
  UpdateService: a service whose deployment controller is CODE_DEPLOY or EXTERNAL takes no new
    task definition this way. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html
  CreateService of a name that is ACTIVE: the same request again answers the service (it is
    idempotent); another one is refused, "Creation of service was not idempotent."
    https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html

check() answers None (forward the call) or (status, JSON error) to answer instead; CreateService
may also answer ("service", existing) for the idempotent case.

Python 3 standard library only.
"""

import re
import unicodedata

NAME = re.compile(r"[A-Za-z0-9_-]{1,255}")
TAG_EXTRA = set("_.:/=+-@")
# Fargate's task sizes: cpu units -> memory MiB it may have.
FARGATE_SIZES = {
    256: [512, 1024, 2048],
    512: list(range(1024, 4097, 1024)),
    1024: list(range(2048, 8193, 1024)),
    2048: list(range(4096, 16385, 1024)),
    4096: list(range(8192, 30721, 1024)),
    8192: list(range(16384, 61441, 4096)),
    16384: list(range(32768, 122881, 8192)),
}


def client_error(message, code="ClientException"):
    return 400, {"__type": code, "message": message}


def tag_text_ok(text):
    return all(unicodedata.category(c)[0] in "LZN" or c in TAG_EXTRA for c in text)


def tag_problem(tags):
    tags = tags or []
    if len(tags) > 50:
        return f"a resource may have at most 50 tags, got {len(tags)}"
    for i, tag in enumerate(tags, 1):
        key, value = tag.get("key", ""), tag.get("value", "")
        if not 1 <= len(key) <= 128 or not tag_text_ok(key):
            return (
                f"1 validation error detected: Value '{key}' at 'tags.{i}.member.key' failed to satisfy constraint: "
                "Member must have length 1-128 and match ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"
            )
        if key.lower().startswith("aws:"):
            return f"Tag keys beginning with 'aws:' are reserved: '{key}'"
        if len(value) > 256 or not tag_text_ok(value):
            return (
                f"1 validation error detected: Value '{value}' at 'tags.{i}.member.value' failed to satisfy constraint: "
                "Member must have length 0-256 and match ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$"
            )
    return None


def units(text, unit):
    """A task cpu ("1024", "1 vCPU", "0.5 vcpu") in units, or memory ("2048", "2 GB") in MiB."""
    text = str(text).strip().lower().replace(" ", "")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(vcpu|gb)?", text)
    if not match:
        return None
    number, suffix = float(match.group(1)), match.group(2)
    return int(number * 1024) if suffix == unit else int(number)


def task_definition_problem(request):
    family = request.get("family", "")
    if not NAME.fullmatch(family or ""):
        return f"Family '{family}' must be up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores"
    containers = request.get("containerDefinitions") or []
    if len(containers) > 10:
        return f"Too many containers: a task definition may have at most 10 containers, got {len(containers)}"
    awsvpc = request.get("networkMode") == "awsvpc"
    fargate = "FARGATE" in (request.get("requiresCompatibilities") or [])
    task_memory = request.get("memory")
    if fargate:
        if not awsvpc:
            return "Fargate only supports network mode 'awsvpc'."
        cpu, memory = units(request.get("cpu", ""), "vcpu"), units(task_memory or "", "gb")
        if cpu is None or memory is None or memory not in FARGATE_SIZES.get(cpu, []):
            return (
                f"No Fargate configuration exists for given values: {request.get('cpu')} CPU, {task_memory} memory. "
                "See the Amazon ECS documentation for the valid values."
            )
    for c in containers:
        name = c.get("name", "")
        if not NAME.fullmatch(name or ""):
            return f"Container name '{name}' must be up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores"
        for m in c.get("portMappings") or []:
            if awsvpc and m.get("hostPort") not in (None, 0, m.get("containerPort")):
                return (
                    f"When networkMode=awsvpc, the host ports and container ports in port mappings must match "
                    f"(container {name}: {m.get('hostPort')} and {m.get('containerPort')})."
                )
        for field in ("memory", "memoryReservation"):
            if c.get(field) is not None and c[field] < 6:
                return f"Invalid setting for container '{name}'. The {field} value must be at least 6 MiB."
        if task_memory is None and c.get("memory") is None and c.get("memoryReservation") is None:
            return f"Invalid setting for container '{name}'. At least one of 'memory' or 'memoryReservation' must be specified."
        check = c.get("healthCheck")
        if check:
            for field, low, high in (("timeout", 2, 60), ("interval", 5, 300), ("retries", 1, 10), ("startPeriod", 0, 300)):
                value = check.get(field)
                if value is not None and not low <= value <= high:
                    return f"Invalid setting for container '{name}': healthCheck.{field} must be between {low} and {high}, got {value}."
    return None


def check(operation, request, describe_service):
    """None to forward; else what to answer (see the module's docstring)."""
    if operation in ("RegisterTaskDefinition", "CreateService", "RunTask", "TagResource"):
        problem = tag_problem(request.get("tags"))
        if problem:
            return client_error(problem, "InvalidParameterException")
    if operation == "RegisterTaskDefinition":
        problem = task_definition_problem(request)
        if problem:
            return client_error(problem)
    if operation == "UpdateService" and request.get("taskDefinition"):
        existing = describe_service(request.get("cluster") or "default", request.get("service", ""))
        controller = ((existing or {}).get("deploymentController") or {}).get("type", "ECS")
        if controller == "CODE_DEPLOY":
            return client_error(
                "Unable to update task definition on services with a CODE_DEPLOY deployment controller. "
                "Use AWS CodeDeploy to trigger a new deployment.",
                "InvalidParameterException",
            )
        if controller == "EXTERNAL":
            return client_error(
                "Unable to update task definition on services with an EXTERNAL deployment controller. "
                "Use a new task set (CreateTaskSet) instead.",
                "InvalidParameterException",
            )
    if operation == "CreateService":
        existing = describe_service(request.get("cluster") or "default", request.get("serviceName", ""))
        if existing and existing.get("status") == "ACTIVE":
            same = existing.get("taskDefinition", "").endswith(request.get("taskDefinition", "\0"))
            if same:
                return ("service", existing)
            return client_error("Creation of service was not idempotent.", "InvalidParameterException")
    return None
