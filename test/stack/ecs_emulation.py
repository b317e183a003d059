"""What moto's ECS does not do, done by the front (ecr-front.py) around moto's own answers.

One-off tasks (RunTask). moto starts every task RUNNING, with one container (the first of the
task definition) whose exitCode is 0, and moves it towards STOPPED on its own as DescribeTasks is
called. ECS runs every container of the task and stops the task when an essential container
exits. For the tasks started through this front, the answers of RunTask, DescribeTasks and
StopTask are rewritten in ECS's shape from a plan made at RunTask time, read from the control file
(`local-stack run-task-exit`), a JSON object:

  {"exit": "never"}  (or no file)   the task stays RUNNING until StopTask, which stops it:
                                    stopCode UserInitiated, the reason given, exit codes 143
                                    (SIGTERM), as the agent reports a process stopped by it
  {"exit": N, "log": [lines]}       the first DescribeTasks says RUNNING; from the second on the
                                    task is STOPPED: stopCode EssentialContainerExited,
                                    stoppedReason "Essential container in task exited"; the
                                    containers named in the RunTask's containerOverrides (every
                                    container when none is named) exit N, the others 0. The lines
                                    are written, when it stops, to the CloudWatch Logs stream of
                                    each of those containers that uses awslogs with a stream prefix
                                    (`<prefix>/<container>/<task id>`), as the awslogs driver
                                    would; the log group must exist, as on ECS

Service settings. moto's CreateService drops healthCheckGracePeriodSeconds, enableExecuteCommand,
deploymentConfiguration and capacityProviderStrategy (its UpdateService keeps them). After a
CreateService that gave any of them, the front gives them to moto with UpdateService (without a
desiredCount, so moto's running counts stay as its CreateService set them), and answers with the
service as moto then describes it, as ECS would.

The front's own calls to moto are not in the call log: it lists what clients sent.
"""

import json
import threading
import time
import uuid

ECS = "AmazonEC2ContainerServiceV20141113."
LOGS = "Logs_20140328."
DROPPED_ON_CREATE = (
    "healthCheckGracePeriodSeconds",
    "enableExecuteCommand",
    "deploymentConfiguration",
    "capacityProviderStrategy",
)


def _now():
    return time.time()


class EcsEmulation:
    def __init__(self, moto, control_file):
        self.moto = moto
        self.control_file = control_file
        self.tasks = {}  # task ARN -> plan and state of a task started through this front
        self.lock = threading.Lock()

    # --- the hook -------------------------------------------------------------------------------

    def after(self, target, request_body, client_headers, answer):
        """moto's answer (status, headers, body) to an ECS call, as ECS would give it."""
        status, headers, body = answer
        if status != 200 or not target.startswith(ECS):
            return answer
        operation = target[len(ECS):]
        handler = {
            "RunTask": self._run_task,
            "DescribeTasks": self._describe_tasks,
            "StopTask": self._stop_task,
            "CreateService": self._create_service,
        }.get(operation)
        if handler is None:
            return answer
        try:
            request = json.loads(request_body or b"{}")
            result = json.loads(body)
        except ValueError:
            return answer
        rewritten = handler(request, result, client_headers)
        if rewritten is None:
            return answer
        return status, headers, json.dumps(rewritten).encode()

    # --- one-off tasks --------------------------------------------------------------------------

    def _plan(self):
        try:
            with open(self.control_file, encoding="utf-8") as f:
                plan = json.load(f)
        except (OSError, ValueError):
            plan = {}
        exit_code = plan.get("exit", "never")
        if exit_code != "never" and not isinstance(exit_code, int):
            exit_code = "never"
        return {"exit": exit_code, "log": [str(line) for line in plan.get("log", [])]}

    def _run_task(self, request, result, client_headers):
        plan = self._plan()
        definition = self._task_definition(request.get("taskDefinition", ""), client_headers)
        if definition is None:
            return None
        overrides = request.get("overrides", {}).get("containerOverrides", [])
        named = {o.get("name") for o in overrides if o.get("name")}
        for task in result.get("tasks", []):
            arn = task["taskArn"]
            containers = [
                {
                    "containerArn": f"{arn.replace(':task/', ':container/')}/{uuid.uuid4()}",
                    "taskArn": arn,
                    "name": d["name"],
                    "image": d.get("image", ""),
                    "lastStatus": "PENDING",
                    "networkInterfaces": [],
                    "healthStatus": "UNKNOWN",
                }
                for d in definition.get("containerDefinitions", [])
            ]
            with self.lock:
                self.tasks[arn] = {
                    "plan": plan,
                    "definition": definition,
                    "exits": named or {c["name"] for c in containers},
                    "containers": containers,
                    "describes": 0,
                    "stopped": None,  # (stopCode, reason, exit code of all) once stopped
                    "logged": False,
                    "headers": client_headers,
                    "started": _now(),
                }
            task.update(self._shape(arn, running=False))
        return result

    def _describe_tasks(self, request, result, client_headers):
        changed = False
        for task in result.get("tasks", []):
            arn = task.get("taskArn")
            with self.lock:
                state = self.tasks.get(arn)
                if state is None:
                    continue
                state["describes"] += 1
                plan = state["plan"]
                if state["stopped"] is None and plan["exit"] != "never" and state["describes"] >= 2:
                    state["stopped"] = ("EssentialContainerExited", "Essential container in task exited", None)
            if state["stopped"] and state["stopped"][0] == "EssentialContainerExited" and not state["logged"]:
                state["logged"] = True
                self._write_logs(arn, state)
            task.update(self._shape(arn, running=True))
            changed = True
        return result if changed else None

    def _stop_task(self, request, result, client_headers):
        task = result.get("task", {})
        arn = task.get("taskArn")
        with self.lock:
            state = self.tasks.get(arn)
            if state is None:
                return None
            was_running = state["stopped"] is None
            if was_running:
                state["stopped"] = ("UserInitiated", request.get("reason") or "Task stopped by user", 143)
        task.update(self._shape(arn, running=True))
        if was_running:
            # ECS answers StopTask while the containers are being stopped; DescribeTasks says STOPPED.
            task.update(lastStatus="RUNNING", containers=[dict(c, lastStatus="RUNNING") for c in state["containers"]])
            for key in ("executionStoppedAt", "stoppedAt"):
                task.pop(key, None)
        return result

    def _shape(self, arn, running):
        """The fields of the task that ECS would give now (running: past PROVISIONING)."""
        state = self.tasks[arn]
        stopped = state["stopped"]
        started = _iso(state["started"])
        if stopped is None:
            status = "RUNNING" if running else "PROVISIONING"
            containers = [dict(c, lastStatus=status if running else "PENDING") for c in state["containers"]]
            shape = {"lastStatus": status, "desiredStatus": "RUNNING", "containers": containers}
            if running:
                shape.update({"startedAt": started, "connectivity": "CONNECTED"})
            return shape
        code, reason, all_exit = stopped
        plan_exit = state["plan"]["exit"]
        containers = []
        for c in state["containers"]:
            exit_code = all_exit if all_exit is not None else (plan_exit if c["name"] in state["exits"] else 0)
            containers.append(dict(c, lastStatus="STOPPED", exitCode=exit_code))
        now = _iso(_now())
        return {
            "lastStatus": "STOPPED",
            "desiredStatus": "STOPPED",
            "stopCode": code,
            "stoppedReason": reason,
            "startedAt": started,
            "stoppingAt": now,
            "executionStoppedAt": now,
            "stoppedAt": now,
            "containers": containers,
        }

    def _task_definition(self, name, client_headers):
        answer = self.call(client_headers, "ecs", ECS + "DescribeTaskDefinition", {"taskDefinition": name})
        return answer.get("taskDefinition") if answer else None

    def _write_logs(self, arn, state):
        task_id = arn.split("/")[-1]
        lines = state["plan"]["log"]
        if not lines:
            return
        for d in state["definition"].get("containerDefinitions", []):
            config = d.get("logConfiguration") or {}
            options = config.get("options") or {}
            if d["name"] not in state["exits"] or config.get("logDriver") != "awslogs":
                continue
            prefix, group = options.get("awslogs-stream-prefix"), options.get("awslogs-group")
            if not prefix or not group:
                continue
            stream = f"{prefix}/{d['name']}/{task_id}"
            region = options.get("awslogs-region")
            headers = state["headers"]
            self.call(headers, "logs", LOGS + "CreateLogStream", {"logGroupName": group, "logStreamName": stream}, region)
            start = int(state["started"] * 1000)
            events = [{"timestamp": start + i, "message": line} for i, line in enumerate(lines)]
            self.call(
                headers,
                "logs",
                LOGS + "PutLogEvents",
                {"logGroupName": group, "logStreamName": stream, "logEvents": events},
                region,
            )

    # --- service settings -----------------------------------------------------------------------

    def _create_service(self, request, result, client_headers):
        dropped = {k: request[k] for k in DROPPED_ON_CREATE if k in request}
        service = result.get("service") or {}
        if not dropped or not service.get("serviceArn"):
            return None
        update = {"cluster": request.get("cluster", "default"), "service": service["serviceArn"], **dropped}
        answer = self.call(client_headers, "ecs", ECS + "UpdateService", update)
        return answer if answer and answer.get("service") else None

    # --- calls to moto --------------------------------------------------------------------------

    def call(self, client_headers, service, target, request, region=None):
        """One JSON call to moto as the client's account and region. The answer, or None on an error."""
        auth = client_headers.get("Authorization", "")
        key, client_region = "AKIALOCALSTACKTEST00", "us-east-1"
        try:
            scope = auth.split("Credential=", 1)[1].split(",", 1)[0].split("/")
            key, client_region = scope[0], scope[2]
        except IndexError:
            pass
        try:
            status, _, body = self.moto.own_call(service, region or client_region, target, request, key)
        except OSError as e:
            print(f"ecs-emulation: {target}: {e}", flush=True)
            return None
        if status != 200:
            print(f"ecs-emulation: {target}: HTTP {status}: {body[:300]!r}", flush=True)
            return None
        return json.loads(body or b"{}")


def _iso(seconds):
    """A timestamp as moto's JSON protocol writes them: epoch seconds."""
    return round(seconds, 3)
