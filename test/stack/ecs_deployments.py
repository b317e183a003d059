"""ECS's service deployments of BLUE_GREEN, LINEAR and CANARY services, which moto does not have.

moto 5.2.1 stores a service's deploymentConfiguration (strategy, bake time, alarms, hooks) but has
no ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions or
StopServiceDeployment. For a service whose strategy shifts traffic, each CreateService, and each
UpdateService that names a task definition (or forces a new deployment), starts a service
deployment here, and the front (ecr-front.py) answers those four calls from it. What it does,
each as the AWS page cited beside it says:

- The lifecycle stages in ECS's order, PRE_SCALE_UP to CLEAN_UP, then SUCCESSFUL
  (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html,
  https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-how-it-works.html).
  Each DescribeServiceDeployments runs on to the next stage where there is something to see: a
  stage with a lifecycle hook, a step of traffic that waits (CANARY's canary, LINEAR's steps), the
  bake time, the end. A stage that waits lasts its minutes, one minute being `minuteSeconds` of
  the stack's clock (60 unless a test sets it), so a test can watch a bake time go by.
- Traffic: the target revision's requestedProductionTrafficWeight, 0 until production traffic
  shifts, then CANARY's canaryPercent (default 5) and LINEAR's steps of stepPercent (default 10),
  then 100; test traffic 100 from TEST_TRAFFIC_SHIFT on
  (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CanaryConfiguration.html,
  https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html).
- Lifecycle hooks: at each stage a hook names, its Lambda function must exist (moto's Lambda), and
  answers SUCCEEDED unless a test made it answer FAILED; FAILED rolls the deployment back
  (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html).
- Alarms: while the deployment runs, any of its CloudWatch alarms in ALARM (moto's CloudWatch,
  SetAlarmState) rolls it back, naming it in alarms.triggeredAlarmNames
  (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html).
- Rollback: ROLLBACK_IN_PROGRESS for one read, then ROLLBACK_SUCCESSFUL with rollback.reason,
  and moto's service back on the revision it ran before; StopServiceDeployment with stopType
  ROLLBACK does the same (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StopServiceDeployment.html).

  POST   /habitat-ecs-stack/service-deployments {"minuteSeconds": N, "hooks": {"<function arn>": "FAILED"}}
  DELETE /habitat-ecs-stack/service-deployments   forgets it all (as moto-api/reset does)

Python 3 standard library only.
"""

import json
import threading
import time
import uuid
from urllib.parse import quote

PATH = "/habitat-ecs-stack/service-deployments"
OPERATIONS = ("ListServiceDeployments", "DescribeServiceDeployments", "DescribeServiceRevisions", "StopServiceDeployment")
SHIFTING = ("BLUE_GREEN", "LINEAR", "CANARY")
STAGES = [
    "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
    "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP",
]  # fmt: skip
CLOUDWATCH = "GraniteServiceVersion20100801."
ECS = "AmazonEC2ContainerServiceV20141113."


def short(name_or_arn):
    return (name_or_arn or "").rsplit("/", 1)[-1]


class ServiceDeployments:
    def __init__(self, moto, call):
        self.moto = moto
        self.call = call  # EcsEmulation.call: a JSON call of the front's own to moto
        self.lock = threading.Lock()
        self.reset()

    def reset(self):
        with getattr(self, "lock", threading.Lock()):
            self.deployments = []  # newest last
            self.revisions = {}  # service revision ARN -> its fields
            self.minute = 60.0
            self.hooks = {}  # function ARN -> the hookStatus it answers
            self.serving = {}  # service ARN -> the revision production traffic goes to

    def control(self, method, body):
        if method == "DELETE":
            self.reset()
            return 200, {"status": "ok"}
        try:
            asked = json.loads(body or b"{}")
        except ValueError as e:
            return 400, {"message": str(e)}
        with self.lock:
            if "minuteSeconds" in asked:
                self.minute = float(asked["minuteSeconds"])
            self.hooks.update(asked.get("hooks") or {})
        return 200, {"status": "ok"}

    # --- a write starts a deployment ------------------------------------------------------------

    def written(self, operation, request, answer, headers):
        service = answer.get("service") or {}
        config = {**(service.get("deploymentConfiguration") or {}), **(request.get("deploymentConfiguration") or {})}
        if operation == "UpdateService" and not (request.get("taskDefinition") or request.get("forceNewDeployment")):
            return
        arn = service.get("serviceArn", "")
        cluster = short(service.get("clusterArn") or request.get("cluster") or "default")
        now = time.time()
        if config.get("strategy") not in SHIFTING:
            # A rolling deployment: what a later blue/green one starts from (and rolls back to).
            with self.lock:
                self.serving[arn] = self._revision(arn, cluster, service.get("taskDefinition"), now)
            return
        with self.lock:
            before = [d for d in self.deployments if d["serviceArn"] == arn]
            # The source is the revision serving now: one rolled back never served.
            source = self.serving.get(arn)
            target = self._revision(arn, cluster, service.get("taskDefinition") or request.get("taskDefinition"), now)
            for d in before:  # a new deployment replaces one still running
                if d["status"] == "IN_PROGRESS":
                    d.update(status="STOPPED", statusReason="a newer deployment started", stoppedAt=now)
            self.deployments.append({
                "serviceDeploymentArn": arn.replace(":service/", ":service-deployment/") + "/" + uuid.uuid4().hex[:20],
                "serviceArn": arn,
                "clusterArn": service.get("clusterArn", ""),
                "createdAt": now, "startedAt": now, "updatedAt": now,
                "status": "IN_PROGRESS",
                "stage": 0, "enteredAt": now, "weight": 0, "ranHooks": set(), "hookDetails": [],
                "source": source, "target": target, "config": config,
                # The client's credential scope (account, region), for the front's own calls.
                "headers": {"Authorization": headers.get("Authorization", "")},
            })  # fmt: skip

    def _revision(self, service_arn, cluster, task_definition, now):
        arn = f"{service_arn.replace(':service/', ':service-revision/')}/{int(now * 1000)}{uuid.uuid4().hex[:4]}"
        self.revisions[arn] = {"serviceRevisionArn": arn, "serviceArn": service_arn, "taskDefinition": task_definition, "createdAt": now}
        return arn

    # --- the four calls -------------------------------------------------------------------------

    def serve(self, operation, request):
        with self.lock:
            if operation == "ListServiceDeployments":
                service, after = request.get("service", ""), (request.get("createdAt") or {}).get("after")
                found = [d for d in self.deployments if short(d["serviceArn"]) == short(service)]
                if after is not None:
                    found = [d for d in found if d["createdAt"] >= float(after)]
                return 200, {"serviceDeployments": [self._brief(d) for d in reversed(found)]}
            if operation == "DescribeServiceRevisions":
                arns = request.get("serviceRevisionArns") or []
                return 200, {"serviceRevisions": [self.revisions[a] for a in arns if a in self.revisions], "failures": []}
            arns = request.get("serviceDeploymentArns") or [request.get("serviceDeploymentArn")]
            ours = [d for d in self.deployments if d["serviceDeploymentArn"] in arns]
            if operation == "StopServiceDeployment":
                if not ours:
                    return 400, {"__type": "ServiceDeploymentNotFoundException", "message": "service deployment not found"}
                d = ours[0]
                if d["status"] == "IN_PROGRESS" and request.get("stopType") == "ROLLBACK":
                    self._roll_back(d, "rollback requested by StopServiceDeployment", "ROLLBACK_REQUESTED")
                elif d["status"] == "IN_PROGRESS":
                    d.update(status="STOP_REQUESTED")
                return 200, {"serviceDeploymentArn": d["serviceDeploymentArn"]}
        # DescribeServiceDeployments: each read moves a deployment on (outside the lock: calls moto).
        for d in ours:
            self._advance(d)
        with self.lock:
            return 200, {"serviceDeployments": [self._full(d) for d in ours], "failures": []}

    def _brief(self, d):
        return {k: d[k] for k in ("serviceDeploymentArn", "serviceArn", "clusterArn", "createdAt", "startedAt", "status")} | {
            "targetServiceRevisionArn": d["target"], **({"finishedAt": d["finishedAt"]} if "finishedAt" in d else {})}

    def _full(self, d):
        stage = STAGES[min(d["stage"], len(STAGES) - 1)]
        test = 100 if d["stage"] >= STAGES.index("TEST_TRAFFIC_SHIFT") else 0
        out = self._brief(d) | {
            "updatedAt": d["updatedAt"],
            "lifecycleStage": stage,
            "deploymentConfiguration": d["config"],
            "targetServiceRevision": {
                "arn": d["target"], "requestedTaskCount": 1, "pendingTaskCount": 0,
                "runningTaskCount": 1 if d["stage"] >= STAGES.index("SCALE_UP") else 0,
                "requestedTestTrafficWeight": test, "requestedProductionTrafficWeight": d["weight"],
            },
            "sourceServiceRevisions": [{"arn": d["source"], "requestedProductionTrafficWeight": 100 - d["weight"]}] if d["source"] else [],
            "lifecycleHookDetails": d["hookDetails"],
        }  # fmt: skip
        alarms = d["config"].get("alarms") or {}
        if alarms.get("enable"):
            out["alarms"] = {"status": "TRIGGERED" if d.get("triggered") else "MONITORING", "alarmNames": alarms.get("alarmNames", []),
                             "triggeredAlarmNames": d.get("triggered", [])}  # fmt: skip
        for k in ("statusReason", "rollback", "stoppedAt"):
            if k in d:
                out[k] = d[k]
        return out

    # --- how a deployment moves on ----------------------------------------------------------------

    def _advance(self, d):
        now = time.time()
        with self.lock:
            status = d["status"]
            if status in ("ROLLBACK_REQUESTED", "STOP_REQUESTED"):
                d.update(status="ROLLBACK_IN_PROGRESS" if status == "ROLLBACK_REQUESTED" else "STOPPED", updatedAt=now)
                return
            if status == "ROLLBACK_IN_PROGRESS":
                d.update(status="ROLLBACK_SUCCESSFUL", finishedAt=now, updatedAt=now, weight=0)
                revert = d["source"]
            else:
                revert = None
        if revert:
            self._put_back(d, revert)
            return
        if status != "IN_PROGRESS":
            return
        triggered = self._alarms_in_alarm(d)
        if triggered:
            with self.lock:
                d["triggered"] = triggered
                self._roll_back(d, f"CloudWatch alarm {', '.join(triggered)} in ALARM")
            return
        moved = False
        while True:
            with self.lock:
                stage = STAGES[d["stage"]]
                if self._waits(d, now):
                    return
            failed = self._run_hooks(d, stage)
            with self.lock:
                if failed:
                    self._roll_back(d, f"lifecycle hook {failed} failed at {stage}")
                    return
                if moved and self._stops_at(d):
                    return  # a read shows the stage, and what its hooks answered
                if d["stage"] == len(STAGES) - 1:
                    d.update(status="SUCCESSFUL", finishedAt=now, updatedAt=now, weight=100)
                    self.serving[d["serviceArn"]] = d["target"]
                    return
                d.update(stage=d["stage"] + 1, enteredAt=now, updatedAt=now)
                if STAGES[d["stage"]] == "POST_PRODUCTION_TRAFFIC_SHIFT":
                    d["weight"] = 100
                moved = True

    def _stops_at(self, d):
        """A stage a read shows: one with a hook, a step of traffic that waits, the bake time."""
        stage = STAGES[d["stage"]]
        hooked = any(stage in (h.get("lifecycleStages") or []) for h in d["config"].get("lifecycleHooks") or [])
        return hooked

    def _wait_minutes(self, d):
        # bakeTimeInMinutes: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html
        # canary and linear defaults: API_CanaryConfiguration.html, API_LinearConfiguration.html (same folder)
        config, stage = d["config"], STAGES[d["stage"]]
        if stage == "BAKE_TIME":
            return float(config.get("bakeTimeInMinutes", 0))
        if stage == "PRODUCTION_TRAFFIC_SHIFT" and config.get("strategy") == "CANARY":
            return float((config.get("canaryConfiguration") or {}).get("canaryBakeTimeInMinutes", 10))
        if stage == "PRODUCTION_TRAFFIC_SHIFT" and config.get("strategy") == "LINEAR":
            return float((config.get("linearConfiguration") or {}).get("stepBakeTimeInMinutes", 6))
        return 0.0

    def _waits(self, d, now):
        """Whether the stage is still waiting; moves traffic in steps as it goes."""
        config, stage = d["config"], STAGES[d["stage"]]
        minutes = self._wait_minutes(d)
        elapsed = (now - d["enteredAt"]) / self.minute if self.minute > 0 else float("inf")
        if stage == "PRODUCTION_TRAFFIC_SHIFT" and config.get("strategy") == "CANARY":
            d["weight"] = float((config.get("canaryConfiguration") or {}).get("canaryPercent", 5))
            return elapsed < minutes
        if stage == "PRODUCTION_TRAFFIC_SHIFT" and config.get("strategy") == "LINEAR":
            step = float((config.get("linearConfiguration") or {}).get("stepPercent", 10))
            done = int(elapsed // minutes) + 1 if minutes > 0 else 100
            d["weight"] = min(100.0, step * done)
            return d["weight"] < 100
        if stage == "PRODUCTION_TRAFFIC_SHIFT":
            d["weight"] = 100
        return stage == "BAKE_TIME" and elapsed < minutes

    def _run_hooks(self, d, stage):
        """Runs the stage's hooks once; the function ARN of one that failed, or None.
        https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-lifecycle-hooks.html"""
        for hook in d["config"].get("lifecycleHooks") or []:
            arn = hook.get("hookTargetArn", "")
            key = (arn, stage)
            if stage not in (hook.get("lifecycleStages") or []) or key in d["ranHooks"]:
                continue
            d["ranHooks"].add(key)
            status = self.hooks.get(arn, "SUCCEEDED") if self._function_exists(d, arn) else "FAILED"
            d["hookDetails"] = [{"hookId": uuid.uuid4().hex[:12], "targetType": "AWS_LAMBDA", "targetArn": arn, "status": status}]
            if status != "SUCCEEDED":
                return arn
        return None

    def _roll_back(self, d, reason, status="ROLLBACK_IN_PROGRESS"):
        # https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceDeployment.html (status, rollback)
        now = time.time()
        d.update(status=status, statusReason=reason, updatedAt=now,
                 rollback={"reason": reason, "startedAt": now, "serviceRevisionArn": d["source"] or ""})  # fmt: skip

    # --- what the deployment reads of moto ------------------------------------------------------

    def _put_back(self, d, revision):
        """moto's service on the revision before, as ECS leaves it after a rollback."""
        td = self.revisions.get(revision, {}).get("taskDefinition")
        if td:
            self.call(d["headers"], "ecs", ECS + "UpdateService",
                      {"cluster": d["clusterArn"] or "default", "service": d["serviceArn"], "taskDefinition": td})  # fmt: skip

    def _alarms_in_alarm(self, d):
        # https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html
        alarms = d["config"].get("alarms") or {}
        names = alarms.get("alarmNames") or []
        if not alarms.get("enable") or not names:
            return []
        answer = self.call(d["headers"], "monitoring", CLOUDWATCH + "DescribeAlarms", {"AlarmNames": names})
        return [a["AlarmName"] for a in (answer or {}).get("MetricAlarms", []) if a.get("StateValue") == "ALARM"]

    def _function_exists(self, d, arn):
        # Unsigned, as the plain moto takes it: on the IAM-enforcing front a hook would read as missing.
        headers = {"Authorization": d["headers"].get("Authorization", "").replace("/ecs/aws4_request", "/lambda/aws4_request")}
        try:
            status, _, _ = self.moto.call("GET", "/2015-03-31/functions/" + quote(arn, safe=""), None, headers)
        except OSError:
            return False
        return status == 200
