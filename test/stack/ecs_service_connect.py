"""Service Connect, kept where moto drops it.

moto's ECS takes CreateService's and UpdateService's serviceConnectConfiguration and forgets it:
its answers, and its service's deployments, carry none. ECS keeps it on each deployment
(https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Deployment.html,
serviceConnectConfiguration: "The details of the Service Connect configuration that's used by this
deployment"), which is where a deploy reads what a service runs with. So ecr-front.py hands this
module the requests and moto's answers of CreateService, UpdateService and DescribeServices: the
configuration last given for a service (by cluster and name) is put on its PRIMARY deployment, with
the namespace as ECS names it (what was given, a name or an ARN). A service created without one has
none, and UpdateService without one leaves it as it was, as ECS does.

Python 3 standard library only.
"""

import threading


class ServiceConnect:
    def __init__(self):
        self.configs = {}  # (cluster, service name) -> the configuration last given
        self.lock = threading.Lock()

    def reset(self):
        with self.lock:
            self.configs.clear()

    def rewrite(self, operation, request, answer):
        cluster = _name(request.get("cluster") or "default")
        with self.lock:
            if operation in ("CreateService", "UpdateService"):
                name = _name(request.get("serviceName") or request.get("service") or "")
                given = request.get("serviceConnectConfiguration")
                if operation == "CreateService":
                    self.configs.pop((cluster, name), None)
                if given is not None:
                    self.configs[(cluster, name)] = given
                self._complete(cluster, answer.get("service"))
            elif operation == "DescribeServices":
                for service in answer.get("services") or []:
                    self._complete(cluster, service)
        return answer

    def _complete(self, cluster, service):
        if not service:
            return
        config = self.configs.get((cluster, service.get("serviceName", "")))
        if config is None:
            return
        for deployment in service.get("deployments") or []:
            if deployment.get("status") == "PRIMARY":
                deployment["serviceConnectConfiguration"] = config


def _name(value):
    """A cluster or service by name, whether it was given by name or by ARN."""
    return value.rsplit("/", 1)[-1]
