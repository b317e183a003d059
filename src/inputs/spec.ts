/**
 * Every action input, its default and what it means: the one table that action.yml, docs/inputs.md
 * and the parser must agree with (a test holds them together).
 */
export interface InputSpec {
  description: string;
  /** Default as the runner passes it; undefined = no default. */
  default?: string;
  required?: boolean;
  /** A value as a workflow would give it (one line of a multi-line input), for docs/inputs.md. */
  example?: string;
}

export const INPUTS = {
  mode: {
    description:
      'What to do: `deploy` (export, push, register, deploy, wait), `plan` (say what a deploy would change, with read-only AWS calls: the checks of verify, the task definition diff, images pushed or reused, the service created, updated or left alone, service settings changed; on a pull request with `github-token`, as its comment), `render` (write the task definition only, no AWS call) or `teardown` (delete the service and the task definitions this action registered for it).',
    default: 'deploy',
  },
  'compose-file': {
    description:
      'Docker Compose file(s), one a line, merged in order like `docker compose -f a -f b`. With `task-definition`, none unless given.',
    default: 'docker-compose.yml',
  },
  'task-definition': {
    description:
      "A task definition of your own to deploy instead of translating a compose file: a JSON file in the workspace (as `aws ecs register-task-definition` and the AWS render action take it; `describe-task-definition`'s output too), or the ARN of a registered revision. Its containers whose image names a package's repository run the image this deploy exports; with `compose-file` also given, those named like a `build:` service run the image built for it. Its family is `task-family` (default: the service name); everything else (register only when it changed, create or update, wait, rollback, previews, plan, verify) works as with compose. ecs-params gives only the awsvpc network (run_params).",
    example: 'ecs/task-definition.json',
  },
  'ecs-params': {
    description: "ecs-cli's `ecs-params.yml` (task size, roles, network mode, awsvpc network configuration).",
  },
  'env-file': {
    description:
      'File of `KEY=value` lines for `${VAR}` interpolation. Default: `.env` beside the first compose file, if present.',
  },
  'habitat-packages': {
    description:
      'Habitat packages to export and push, one a line: `origin/name`, `origin/name/version[/release]`, or a path or glob of `.hart` files inside the workspace.',
  },
  'habitat-channel': {
    description:
      'Channel the exporter installs packages named by ident from (`--channel`). Exporters of Habitat 2.1 default to `base`, which holds only core packages, so the action always passes it. A `.hart` needs none.',
    default: 'stable',
  },
  'habitat-builder-url': {
    description:
      "Builder to install packages and base packages from (`--url` and `--base-pkgs-url`), for an on-premises Builder. Default: `HAB_BLDR_URL` when set, else the exporter's default (the public Builder).",
  },
  'habitat-base-packages-channel': {
    description:
      "Channel of the packages every image gets: hab, the Supervisor, the launcher, busybox, cacerts (`--base-pkgs-channel`). Default: the exporter's (`base`).",
  },
  'habitat-multi-layer': {
    description:
      'One image layer per Habitat package (`--multi-layer`): a deploy uploads only the layers of the packages that changed. One layer, with a warning, where the exporter cannot.',
    default: 'true',
  },
  build: {
    description:
      'Build each compose service with `build:` (and no Habitat package) with docker, and push it like the Habitat images (see Built services). `false`: warn, and use its `image:`.',
    default: 'true',
  },
  'aws-region': { description: 'AWS region. Default: `AWS_REGION`, then `AWS_DEFAULT_REGION`.' },
  'aws-account-id': {
    description:
      'AWS account of the ECR registry. Default: the account of the ECR registry the credentials reach.',
  },
  'runtime-platform': {
    description:
      "The task's platform, `linux/amd64` (X86_64) or `linux/arm64` (ARM64, Graviton), on Fargate and EC2 alike. Habitat packages are exported for the runner's architecture, so a deploy that exports runs on a runner of this one (for ARM64: `runs-on: ubuntu-24.04-arm`) and is refused on another. Empty: the compose services' `platform:`, else none (ECS runs X86_64).",
    example: 'linux/arm64',
  },
  cluster: { description: 'ECS cluster.', default: 'default' },
  service: { description: 'ECS service to create or update. Required unless mode is `render`.' },
  'task-family': { description: 'Task definition family. Default: the service name.' },
  'launch-type': { description: '`EC2` or `FARGATE`.', default: 'EC2' },
  layout: {
    description:
      'How the compose services become ECS: `task`, one task definition with a container per compose service, run by one ECS service (as ecs-cli did); `services`, one task definition (family `<task-family>-<compose service>`) and one ECS service (`<service>-<compose service>`) per compose service, in awsvpc, found by name through Cloud Map and Service Connect, rolled out in depends_on order. See [Layouts](layouts.md).',
    default: 'task',
  },
  namespace: {
    description:
      'Cloud Map private DNS namespace of `layout: services`, created in the VPC of the awsvpc subnets when missing; each compose service is `<name>.<namespace>` in it. Default: `<service>.internal`. A preview gets a namespace of its own (`-pr-<number>` after the first label of this one when it is set: `app.internal` -> `app-pr-7.internal`), removed when it is torn down.',
  },
  'image-tag': {
    description:
      'Tag for the pushed images. Default: the tag name on a tag push, `pr-<number>` on a pull_request event, else the first 12 characters of the commit sha. A preview is always tagged `pr-<number>` only.',
  },
  'image-tags': {
    description:
      'More tags, one a line, e.g. the `tags` output of docker/metadata-action (`image:tag` references or bare tags). With no `image-tag`, the first one is the main tag.',
  },
  'tag-latest': {
    description: 'Also push every image as `latest` (refused with `image-tag-mutability: IMMUTABLE`).',
    default: 'false',
  },
  preview: {
    description:
      'Pull request previews: on a pull_request event deploy to the service `<service>-pr-<number>` (task family `<task-family>-pr-<number>`, images tagged `pr-<number>`), and tear it down when the pull request is closed.',
    default: 'false',
  },
  'preview-suffix': {
    description:
      "A preview's own names: the ECR repositories it pushes to, its task and execution roles and its awslogs log groups are production's with this suffix (`billmeyer/mongodb-pr`, `role/app-task-pr`), so a preview role granted only those reaches nothing production uses (see Permissions). A separator (`-`, `_` or `.`), then lower-case letters and digits.",
    default: '-pr',
  },
  'preview-remove-images': {
    description: 'When a preview is torn down, also delete its `pr-<number>` images from ECR.',
    default: 'false',
  },
  'github-token': {
    description:
      "Token to post the preview state (or the plan) as one pull request comment, updated on later pushes (needs `pull-requests: write`). Only a comment the token's own account wrote is updated. Without it, no comment is posted.",
  },
  'allow-untrusted-pull-requests': {
    description:
      "Deploy or plan code from a pull request from a fork, or on any `pull_request_target` run. Off: such a run is refused (a fork without AWS credentials is skipped), because the pull request would choose what runs with this job's AWS credentials.",
    default: 'false',
  },
  'allow-interpolation': {
    description:
      "Variables, separated by commas or lines, that `${VAR}` in the compose files may take from the runner's environment although they are credentials of this job (AWS keys, GitHub and runner tokens, HAB_AUTH_TOKEN, ...) or hold a value the action masks. Without it, such an interpolation is an error at its line: the value would be stored in plain text in the task definition.",
  },
  'create-repositories': { description: 'Create missing ECR repositories.', default: 'true' },
  'create-service': { description: 'Create the ECS service when it does not exist.', default: 'true' },
  'desired-count': {
    description:
      'Desired task count of a service the action creates, and of a service it finds at 0 tasks (so that the wait never calls 0 of 0 tasks stable).',
    default: '1',
  },
  verify: {
    description:
      'Before any export or push, check with read-only AWS calls what the task needs (roles, secrets, log groups, subnets, ECR images; room in the cluster just before the first change); each problem fails the step at its line. In plan mode too. See Verify.',
    default: 'true',
  },
  'wait-for-service-stability': {
    description: 'Wait until the deployment is stable before the step succeeds.',
    default: 'true',
  },
  'wait-timeout-minutes': {
    description: 'How long to wait for stability, in minutes (1-360).',
    default: '10',
  },
  'force-new-deployment': {
    description: 'Start a new deployment even if the task definition did not change.',
    default: 'false',
  },
  'rollback-on-failure': {
    description:
      'When the deployment fails or times out, put the service back on the previous task definition.',
    default: 'true',
  },
  'push-version-tags': {
    description: 'Also push each image under the `<version>` and `<version>-<release>` tags the export made.',
    default: 'true',
  },
  'reuse-released-images': {
    description:
      "Reuse a released package's `<version>-<release>` image in ECR, adding this run's tags, instead of exporting it again: pinned idents, `.hart`s, and any ident at the release Builder says is latest in `habitat-channel`. `false`: export all.",
    default: 'true',
  },
  'image-tag-mutability': {
    description: 'Tag mutability of repositories the action creates: `MUTABLE` or `IMMUTABLE`.',
    default: 'MUTABLE',
  },
  'scan-on-push': {
    description: 'Turn on image scanning on push for repositories the action creates.',
    default: 'true',
  },
  'repository-encryption': {
    description: 'Encryption of repositories the action creates: `AES256` or `KMS`.',
    default: 'AES256',
  },
  'repository-kms-key': {
    description: 'KMS key for `repository-encryption: KMS`. Default: the AWS managed key.',
  },
  'repository-tags': {
    description: 'Resource tags for repositories the action creates, one `key=value` a line.',
  },
  'accept-habitat-license': {
    description:
      'Add `HAB_LICENSE=accept-no-persist` to Habitat containers (and `hab` calls) that do not set HAB_LICENSE. Exported images do not carry it and fail to start without it.',
    default: 'true',
  },
  'supervisor-health-checks': {
    description:
      "Give every Habitat container a health check from its Supervisor's HTTP API (x-habitat `health-check` overrides per service).",
    default: 'false',
  },
  'keep-revisions': {
    description:
      'After a stable deploy, deregister the task definition revisions this action registered beyond the newest N (0 keeps all).',
    default: '0',
  },
  'max-parallel': {
    description:
      'At most this many images pushed at once (1-16); exports run one at a time, each image pushing while the next exports.',
    default: '4',
  },
  // Tasks run before the rollout, and the service's own settings (create, and update when they differ).
  'run-before-deploy': {
    description:
      "One-off tasks to run on the new revision before the service is updated, one a line, in order: a compose service name (its container runs with its own command), or `service: command` (that command instead, split like a compose `command:` string). Each runs with the service's network configuration; the service is updated only if every essential container exits 0.",
  },
  'run-timeout-minutes': {
    description:
      'How long each `run-before-deploy` task may run, in minutes (0.1-360; fractions allowed, `0.5` is 30 s). A task still running then is stopped (StopTask) and the deploy fails.',
    default: '10',
  },
  'load-balancer': {
    description:
      'Target groups to register the service with, one a line: `targetGroupArn=<arn>,container=<compose service>,port=<container port>`. For BLUE_GREEN, LINEAR and CANARY also `alternateTargetGroupArn=<arn>,productionListenerRule=<arn>,roleArn=<arn>` (and optionally `testListenerRule=<arn>`): the second target group, the listener rule (or, for an NLB, the listener) that forwards to both, and the role ECS shifts traffic with. Set on create; on update, changed when they differ. Empty: none on create, unchanged on update.',
    example:
      'targetGroupArn=arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/0123456789abcdef,container=web,port=8080,alternateTargetGroupArn=arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/fedcba9876543210,productionListenerRule=arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/0123456789abcdef/0123456789abcdef/0123456789abcdef,roleArn=arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
  },
  'health-check-grace-period-seconds': {
    description:
      'Seconds ECS ignores load balancer and container health checks after a task starts (0-2147483647). Empty: 0 on create, unchanged on update.',
  },
  'enable-execute-command': {
    description:
      'Turn ECS Exec (`aws ecs execute-command`) on or off for the service. The task needs a task role that allows `ssmmessages:*Channel`. Empty: off on create, unchanged on update.',
  },
  'deployment-minimum-healthy-percent': {
    description:
      'Lower limit on running tasks during a deployment, in percent of the desired count (0-100). Empty: ECS default (100) on create, unchanged on update.',
  },
  'deployment-maximum-percent': {
    description:
      'Upper limit on running and pending tasks during a deployment, in percent of the desired count (100-1000). Empty: ECS default (200) on create, unchanged on update.',
  },
  'capacity-provider-strategy': {
    description:
      'Capacity providers instead of `launch-type` for the service and its one-off tasks, one a line: `capacityProvider=FARGATE_SPOT,weight=1,base=0`. `FARGATE` and `FARGATE_SPOT` need `launch-type: FARGATE`. Empty: `launch-type` on create, unchanged on update.',
  },
  'propagate-tags': {
    description:
      'Copy tags to the tasks from `TASK_DEFINITION`, `SERVICE` or `NONE`. Empty: `TASK_DEFINITION` on create, unchanged on update.',
  },
  'deployment-strategy': {
    description:
      "ECS's own deployment strategy: `ROLLING` (tasks replaced a few at a time), `BLUE_GREEN` (the new revision gets test traffic, then all production traffic at once, and both run for the bake time), `LINEAR` (production traffic moved in equal steps) or `CANARY` (a share first, then the rest). The last three need `load-balancer` with an alternate target group (or a service without one: ECS then shifts no traffic). The wait follows the deployment through its lifecycle stages (stage, traffic moved, bake time left) in the log and the summary; when a stage, a hook or an alarm fails, ECS rolls back and the step says so. Empty: `ROLLING` on create, unchanged on update.",
    example: 'BLUE_GREEN',
  },
  'deployment-bake-time-minutes': {
    description:
      'BLUE_GREEN, LINEAR and CANARY: how long both revisions run after production traffic has moved, before the old one is stopped (0-1440). Empty: ECS default on create, unchanged on update.',
    example: '10',
  },
  'deployment-step-percent': {
    description:
      'CANARY: the share of production traffic moved first (0.1-100); LINEAR: the share moved at each step (3-100). In steps of 0.1. Empty: ECS default (5 and 10).',
    example: '10',
  },
  'deployment-step-bake-minutes': {
    description:
      'CANARY: how long the canary runs before the rest of the traffic moves; LINEAR: how long between steps (0-1440). Empty: ECS default (10 and 6).',
    example: '5',
  },
  'deployment-alarms': {
    description:
      'CloudWatch alarms, separated by commas or lines: one in ALARM during the deployment fails it, and ECS rolls it back (any strategy). Verify checks that they exist.',
    example: 'web-5xx, web-latency',
  },
  'deployment-lifecycle-hooks': {
    description:
      'BLUE_GREEN, LINEAR and CANARY: Lambda functions ECS runs at lifecycle stages, one a line: `function=<arn>,role=<arn>,stages=<STAGE>[|<STAGE>...]` (PRE_SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT, RECONCILE_SERVICE); a hook that answers FAILED rolls the deployment back. Verify checks that the functions exist.',
    example:
      'function=arn:aws:lambda:us-east-1:123456789012:function:smoke-test,role=arn:aws:iam::123456789012:role/ecsLifecycleHooks,stages=POST_TEST_TRAFFIC_SHIFT',
  },
  'autoscaling-min-capacity': {
    description:
      "Register the service's desired count with Application Auto Scaling, from this many tasks (with `autoscaling-max-capacity`); created or updated where it differs. A service the action creates starts within these bounds. The deploy never sets the desired count of a service it updates, so autoscaling keeps what it scaled to. Empty: autoscaling left as it is.",
    example: '1',
  },
  'autoscaling-max-capacity': {
    description: 'Up to this many tasks (with `autoscaling-min-capacity`).',
    example: '4',
  },
  'autoscaling-target-tracking': {
    description:
      'Target-tracking policies, one a line: `metric=cpu,target=60` (average CPU, percent), `metric=memory,target=75`, or `metric=alb-requests,target=1000` (requests per task, needs `load-balancer`), each optionally with `scaleInCooldown=<s>` and `scaleOutCooldown=<s>`. Named `habitat-ecs-deploy-<metric>`; those no longer listed are removed. Needs the capacities.',
    example: 'metric=cpu,target=60,scaleInCooldown=300',
  },
  'platform-version': {
    description:
      'Fargate platform version, e.g. `1.4.0` or `LATEST` (Fargate only). Empty: `LATEST` on create, unchanged on update.',
  },
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof INPUTS;

export const OUTPUTS = {
  'task-definition-arn':
    'ARN of the task definition revision the service runs (empty in render mode). With `layout: services`, a JSON object: compose service to its ARN.',
  'task-definition-file':
    'Path of the rendered task definition JSON, under RUNNER_TEMP. With `layout: services`, a JSON object: compose service to its file.',
  images: 'JSON object: compose service name to the pushed image, `uri@sha256:...`.',
  'service-arn':
    'ARN of the ECS service. With `layout: services`, a JSON object: compose service to the ARN of its ECS service.',
  'deployment-id':
    'ID of the ECS deployment this run started (empty when nothing changed). With `layout: services`, a JSON object: compose service to the deployment started on its ECS service (those that moved).',
  url: "Where the service answers, for the job's `environment` `url` (GitHub's Deployments page links it): `http(s)://` the load balancer's DNS name (or the host its listener rule matches) and the listener's port, for the service's first target group (the preview's, on a preview). Empty when the service has no target group behind an HTTP or HTTPS listener, and with `layout: services`.",
  changed:
    '`true` when this run registered a new revision or updated the service, else `false`. In plan mode: `true` when a deploy would.',
} as const;

export type OutputName = keyof typeof OUTPUTS;
