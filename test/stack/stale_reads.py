"""Reads that do not see a write yet, as ECS may answer them right after it.

The ECS API is eventually consistent: "the result of an API command you run that affects your
Amazon ECS resources might not be immediately visible to all subsequent commands you run"
(https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html, and the same note on
CreateService and UpdateService). moto is strongly consistent, so the front (ecr-front.py) plays
it when the control file (`local-stack stale-reads N`) holds N: after each CreateService,
UpdateService or RunTask that succeeds, the next N DescribeServices naming that service (or
DescribeTasks naming that task) answer what a replica that has not seen the write answers:

  after CreateService   the service is MISSING (in failures, not in services)
  after UpdateService   the service as it was just before the update (no new deployment)
  after RunTask         the task is MISSING

Python 3 standard library only.
"""

import copy
import threading

ECS = "AmazonEC2ContainerServiceV20141113."


def _short(name_or_arn):
    return (name_or_arn or "").rsplit("/", 1)[-1]


class StaleReads:
    def __init__(self, control_file):
        self.control_file = control_file
        self.lock = threading.Lock()
        self.pending = {}  # ("service", cluster, name) or ("task", arn) -> [reads left, snapshot or None]

    def reads(self):
        """N from the control file; 0 when absent or unreadable."""
        try:
            with open(self.control_file, encoding="utf-8") as f:
                text = f.read().strip()
        except OSError:
            return 0
        return int(text) if text.isdigit() else 0

    def reset(self):
        with self.lock:
            self.pending.clear()

    def before(self, operation, request, describe):
        """Before forwarding a write: the service as it is, to answer with after an UpdateService."""
        if operation != "UpdateService" or self.reads() == 0:
            return None
        found = describe(request.get("cluster") or "default", request.get("service", ""))
        return copy.deepcopy(found) if found else None

    def written(self, operation, request, answer, snapshot):
        """After a write that succeeded: arm the stale reads of what it wrote."""
        n = self.reads()
        if n == 0:
            return
        cluster = _short(request.get("cluster") or "default")
        with self.lock:
            if operation == "CreateService":
                self.pending[("service", cluster, _short(request.get("serviceName")))] = [n, None]
            elif operation == "UpdateService" and snapshot:
                self.pending[("service", cluster, _short(request.get("service")))] = [n, snapshot]
            elif operation == "RunTask":
                for task in answer.get("tasks", []):
                    self.pending[("task", task.get("taskArn"))] = [n, None]

    def _take(self, key):
        with self.lock:
            entry = self.pending.get(key)
            if not entry:
                return False, None
            entry[0] -= 1
            if entry[0] <= 0:
                del self.pending[key]
            return True, entry[1]

    def read(self, operation, request, answer):
        """A DescribeServices or DescribeTasks answer, as a replica behind the writes answers it."""
        cluster = _short(request.get("cluster") or "default")
        if operation == "DescribeServices":
            kept = []
            for service in answer.get("services", []):
                stale, snapshot = self._take(("service", cluster, service.get("serviceName")))
                if not stale:
                    kept.append(service)
                elif snapshot:
                    kept.append(snapshot)
                else:
                    answer.setdefault("failures", []).append({"arn": service.get("serviceArn"), "reason": "MISSING"})
            answer["services"] = kept
        elif operation == "DescribeTasks":
            kept = []
            for task in answer.get("tasks", []):
                stale, _ = self._take(("task", task.get("taskArn")))
                if stale:
                    answer.setdefault("failures", []).append({"arn": task.get("taskArn"), "reason": "MISSING"})
                else:
                    kept.append(task)
            answer["tasks"] = kept
        return answer
