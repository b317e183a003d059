"""Deployments that fail as ECS fails them, for the services a test marks.

moto keeps one deployment per service, COMPLETED (or never running, on the stuck server), and
UpdateService does not start a new one. A test that needs ECS's answer to tasks that never start
marks a service and the task definition whose tasks fail:

  POST /habitat-ecs-stack/failed-rollouts {"cluster": C, "service": S, "taskDefinition": ARN}
  POST /habitat-ecs-stack/failed-rollouts {..., "outcome": "stuck"}

From then on ecr-front.py hands this module moto's answers to CreateService, UpdateService and
DescribeServices for that service, and it keeps the service's deployments as ECS does: each
CreateService or UpdateService starts a new PRIMARY deployment (a new ecs-svc/<digits> id, the
task definition asked for) and the previous ones become ACTIVE. A deployment of the marked task
definition is what ECS's deployment circuit breaker makes of it (without its rollback option):
rolloutState FAILED, "ECS deployment circuit breaker: tasks failed to start.", no running task,
failedTasks, and the service event "(service S) (deployment ID) deployment failed: tasks failed to
start."; the ACTIVE deployment before it keeps its tasks. Any other deployment is COMPLETED with
all its tasks running, and once the PRIMARY one is, the deployments before it are gone.

With "outcome": "stuck", a deployment of the marked task definition is one whose tasks ECS cannot
place: it stays IN_PROGRESS with its tasks neither running nor failed, and the service event says
"(service S) was unable to place a task because no container instance met all of its
requirements."; the circuit breaker, which counts tasks that failed to start, never trips
(https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html,
https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages-list.html).
A deployment of any other task definition completes, so a rollback to one is stable.

When the service's circuit breaker has its rollback option on, ECS then rolls back by itself
(https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html):
the first two reads after the failure still show the FAILED deployment as PRIMARY (ECS has not
switched yet: the action's wait, and its rollback's first look, read that); from the third on, a new PRIMARY deployment of the revision the service ran
before, COMPLETED, with the event "(service S) rolling back to deployment D.", and the service
names that revision again.

  DELETE /habitat-ecs-stack/failed-rollouts    forgets every mark (as moto-api/reset does)

Python 3 standard library only.
"""

import json
import random
import threading
import time

PATH = "/habitat-ecs-stack/failed-rollouts"
FAILED_REASON = "ECS deployment circuit breaker: tasks failed to start."


class FailedRollouts:
    def __init__(self):
        self.lock = threading.Lock()
        # (cluster name, service name) -> {"failing": ARN, "deployments": [...], "events": [...]}
        self.marked = {}

    def control(self, method, body):
        """The answer (status, JSON value) to a request on PATH."""
        if method == "DELETE":
            self.reset()
            return 200, {"status": "ok"}
        if method != "POST":
            return 405, {"message": f"{method} {PATH}: use POST or DELETE"}
        try:
            mark = json.loads(body or b"{}")
            key = (short_name(mark["cluster"]), short_name(mark["service"]))
            failing = mark["taskDefinition"]
            outcome = mark.get("outcome", "failed")
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            return 400, {"message": f"expected {{cluster, service, taskDefinition[, outcome]}}: {e}"}
        if outcome not in ("failed", "stuck"):
            return 400, {"message": f"outcome {outcome!r}: expected failed or stuck"}
        with self.lock:
            self.marked[key] = {"failing": failing, "outcome": outcome, "deployments": [], "events": []}
        return 200, {"status": "ok"}

    def reset(self):
        with self.lock:
            self.marked.clear()

    def rewrite(self, operation, request, answer):
        """moto's answer to CreateService, UpdateService or DescribeServices, as ECS would give it."""
        cluster = short_name(request.get("cluster") or "default")
        with self.lock:
            if operation in ("CreateService", "UpdateService"):
                name = request.get("serviceName") if operation == "CreateService" else request.get("service")
                state = self.marked.get((cluster, short_name(name or "")))
                if state is not None and answer.get("service"):
                    if operation == "CreateService" or request.get("taskDefinition") or request.get("forceNewDeployment"):
                        self.start(state, answer["service"], request)
                    self.show(state, answer["service"])
            elif operation == "DescribeServices":
                for service in answer.get("services", []):
                    state = self.marked.get((cluster, service.get("serviceName", "")))
                    if state is not None and state["deployments"]:
                        self.roll_back(state, service)
                        self.show(state, service)
                    elif state is not None:  # what it runs before the first deployment after the mark
                        state["running"] = service.get("taskDefinition")
        return answer

    @staticmethod
    def start(state, service, request):
        now = time.time()
        if not state["deployments"] and state.get("running"):
            # The deployment that ran before the mark, COMPLETED: what a rollback goes back to.
            state["deployments"].append({
                "id": "ecs-svc/" + "".join(random.choice("0123456789") for _ in range(19)),
                "status": "PRIMARY",
                "taskDefinition": state["running"],
                "desiredCount": service.get("desiredCount", 1),
                "createdAt": now - 60,
                "updatedAt": now - 60,
                "launchType": service.get("launchType", "EC2"),
            })
        for d in state["deployments"]:
            if d["status"] == "PRIMARY":
                d["status"] = "ACTIVE"
        arn = service.get("taskDefinition") or request.get("taskDefinition", "")
        state["deployments"].insert(0, {
            "id": "ecs-svc/" + "".join(random.choice("0123456789") for _ in range(19)),
            "status": "PRIMARY",
            "taskDefinition": full_arn(arn, request.get("taskDefinition", "")),
            "desiredCount": service.get("desiredCount", 1),
            "createdAt": now,
            "updatedAt": now,
            "launchType": service.get("launchType", "EC2"),
        })

    @staticmethod
    def show(state, service):
        """The service's deployments and events as ECS reports them now."""
        shown = []
        for d in state["deployments"]:
            marked = d["taskDefinition"] == state["failing"] or d["taskDefinition"].endswith("/" + state["failing"])
            stuck = marked and state.get("outcome") == "stuck"
            failed = marked and not stuck
            desired = d["desiredCount"]
            entry = dict(d, pendingCount=0, runningCount=0 if marked else desired, failedTasks=desired if failed else 0)
            if stuck:
                entry.update(rolloutState="IN_PROGRESS", rolloutStateReason="ECS deployment in progress.")
                message = f"(service {service.get('serviceName')}) was unable to place a task because no container instance met all of its requirements."
                if not any(e["message"] == message for e in state["events"]):
                    state["events"].insert(0, {"id": f"front-{d['id'][8:]}", "createdAt": d["createdAt"] + 1, "message": message})
            elif failed:
                entry.update(rolloutState="FAILED", rolloutStateReason=FAILED_REASON)
                message = f"(service {service.get('serviceName')}) (deployment {d['id']}) deployment failed: tasks failed to start."
                if not any(e["message"] == message for e in state["events"]):
                    state["events"].insert(0, {"id": f"front-{d['id'][8:]}", "createdAt": d["createdAt"] + 1, "message": message})
            else:
                entry.update(rolloutState="COMPLETED", rolloutStateReason=f"ECS deployment {d['id']} completed.")
            shown.append(entry)
            if entry["status"] == "PRIMARY" and not marked:
                break  # a completed PRIMARY deployment has replaced the ones before it
        state["deployments"] = [d for d in state["deployments"] if any(s["id"] == d["id"] for s in shown)]
        service["deployments"] = shown
        if state.get("rolled_back_to"):
            service["taskDefinition"] = state["rolled_back_to"]
        service["runningCount"] = sum(d["runningCount"] for d in shown)
        service["events"] = state["events"] + service.get("events", [])


    @staticmethod
    def roll_back(state, service):
        """ECS's own rollback (the breaker's rollback option), at the third DescribeServices that
        would show the failure."""
        breaker = (service.get("deploymentConfiguration") or {}).get("deploymentCircuitBreaker") or {}
        deployments = state["deployments"]
        primary = next((d for d in deployments if d["status"] == "PRIMARY"), None)
        before = next((d for d in deployments if d["status"] == "ACTIVE"), None)
        if state.get("outcome") == "stuck" or not (breaker.get("enable") and breaker.get("rollback") and primary and before):
            return
        if not (primary["taskDefinition"] == state["failing"] or primary["taskDefinition"].endswith("/" + state["failing"])):
            return
        primary["reads"] = primary.get("reads", 0) + 1
        if primary["reads"] < 3:
            return
        now = time.time()
        primary["status"] = "ACTIVE"
        rollback = dict(before, id="ecs-svc/" + "".join(random.choice("0123456789") for _ in range(19)), status="PRIMARY", createdAt=now, updatedAt=now)
        deployments.insert(0, rollback)
        state["events"].insert(0, {
            "id": f"front-rollback-{rollback['id'][8:]}",
            "createdAt": now,
            "message": f"(service {service.get('serviceName')}) rolling back to deployment {before['id']}.",
        })
        state["rolled_back_to"] = before["taskDefinition"]


def short_name(name_or_arn):
    """A cluster or service name from its name or ARN (…:service/cluster/name or …:cluster/name)."""
    return name_or_arn.rsplit("/", 1)[-1]


def full_arn(from_moto, asked):
    """The task definition's ARN: moto echoes what it was given, which may be family:revision."""
    for candidate in (from_moto, asked):
        if candidate.startswith("arn:"):
            return candidate
    return from_moto or asked
