/**
 * Every action input, its default and what it means: the one table that action.yml, the README
 * and the parser must agree with (a test holds them together).
 */
export interface InputSpec {
  description: string;
  /** Default as the runner passes it; undefined = no default. */
  default?: string;
  required?: boolean;
}

export const INPUTS = {
  mode: {
    description:
      'What to do: `deploy` (export, push, register, deploy, wait), `render` (write the task definition only, no AWS call) or `teardown` (delete the service and the task definitions this action registered for it).',
    default: 'deploy',
  },
  'compose-file': {
    description: 'Docker Compose file(s), one a line, merged in order like `docker compose -f a -f b`.',
    default: 'docker-compose.yml',
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
  'aws-region': { description: 'AWS region. Default: `AWS_REGION`, then `AWS_DEFAULT_REGION`.' },
  'aws-account-id': {
    description:
      'AWS account of the ECR registry. Default: the account of the ECR registry the credentials reach.',
  },
  cluster: { description: 'ECS cluster.', default: 'default' },
  service: { description: 'ECS service to create or update. Required unless mode is `render`.' },
  'task-family': { description: 'Task definition family. Default: the service name.' },
  'launch-type': { description: '`EC2` or `FARGATE`.', default: 'EC2' },
  'image-tag': {
    description:
      'Tag for the pushed images. Default: the tag name on a tag push, `pr-<number>` on a pull_request event, else the first 12 characters of the commit sha.',
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
  'preview-remove-images': {
    description: 'When a preview is torn down, also delete its `pr-<number>` images from ECR.',
    default: 'false',
  },
  'github-token': {
    description:
      'Token to post the preview state as one pull request comment, updated on later pushes (needs `pull-requests: write`). Without it, no comment is posted.',
  },
  'create-repositories': { description: 'Create missing ECR repositories.', default: 'true' },
  'create-service': { description: 'Create the ECS service when it does not exist.', default: 'true' },
  'desired-count': { description: 'Desired task count of a service the action creates.', default: '1' },
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
      "Reuse a released package's `<version>-<release>` image in ECR (export again would redeploy): pinned idents, `.hart`s, and any ident at the release Builder says is latest in `habitat-channel`. `false`: export all.",
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
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof INPUTS;

export const OUTPUTS = {
  'task-definition-arn': 'ARN of the task definition revision the service runs (empty in render mode).',
  'task-definition-file': 'Path of the rendered task definition JSON, under RUNNER_TEMP.',
  images: 'JSON object: compose service name to the pushed image, `uri@sha256:...`.',
  'service-arn': 'ARN of the ECS service.',
  'deployment-id': 'ID of the ECS deployment this run started (empty when nothing changed).',
  changed: '`true` when this run registered a new revision or updated the service, else `false`.',
} as const;

export type OutputName = keyof typeof OUTPUTS;
