/**
 * Which variables of the runner's environment compose files may not interpolate. Interpolation
 * sees the whole environment of the job, and what it produces is stored in plain text in a task
 * definition revision, readable by anyone with ecs:DescribeTaskDefinition, forever. The job's
 * own credentials must not get there by a `${GITHUB_TOKEN}` a pull request added.
 *
 * Refused by name: the variables through which this job itself authenticates, to AWS (the SDK's
 * and the CLI's credential variables), to GitHub (the token variables of the API clients and the
 * gh CLI), to the runner (every ACTIONS_* variable: its runtime, cache, results and OIDC token
 * endpoints and tokens) and to Habitat Builder (HAB_AUTH_TOKEN). Refused by value: any variable
 * holding the value of one of those, or a value the action masks in its log (the ECR password,
 * github-token), so a copy under another name is caught too.
 */

const CREDENTIAL_NAMES: ReadonlySet<string> = new Set([
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'HAB_AUTH_TOKEN',
]);

/** The runner's own variables: its tokens, and the endpoints they are good for. */
const RUNNER_PREFIX = 'ACTIONS_';

/** Shorter values are not matched: a secret is longer, and `true` or `1` would match too much. */
const MIN_SECRET_LENGTH = 8;

/** Whether the variable is one of the job's credentials, by its name alone. */
export function isRunnerCredential(name: string): boolean {
  return CREDENTIAL_NAMES.has(name) || name.startsWith(RUNNER_PREFIX);
}

export interface CredentialGuardOptions {
  /** The runner's environment: the values of its credential variables are refused under any name. */
  environment: Readonly<Record<string, string | undefined>>;
  /**
   * Values the action masks in its log (the ECR password, github-token): read at each call, so
   * that a value masked after the guard was made (the ECR password, at login) is refused too.
   */
  masked: Iterable<string>;
  /** Names the user allowed (allow-interpolation): never refused. */
  allow: readonly string[];
  /** How to allow a variable, as the caller spells it: `allow-interpolation: NAME`. */
  howToAllow: (name: string) => string;
}

/** Why a variable of the runner's environment must not be interpolated, or undefined: LoadOptions.refuseVariable. */
export function credentialGuard(
  options: CredentialGuardOptions,
): (name: string, value: string) => string | undefined {
  const credentialValues = new Set(
    Object.entries(options.environment)
      .filter(
        ([name]) => CREDENTIAL_NAMES.has(name) || (name.startsWith(RUNNER_PREFIX) && name.endsWith('TOKEN')),
      )
      .map(([, value]) => value ?? ''),
  );
  const isSecret = (value: string): boolean =>
    value.length >= MIN_SECRET_LENGTH && (credentialValues.has(value) || [...options.masked].includes(value));
  const allowed = new Set(options.allow);
  return (name, value) => {
    if (allowed.has(name)) return undefined;
    const why = isRunnerCredential(name)
      ? `${name} is a credential of this job`
      : isSecret(value)
        ? `the value of ${name} is a credential of this job (or a value the action masks)`
        : undefined;
    if (!why) return undefined;
    return (
      `${why}: taken from the runner's environment, it would be stored in plain text in the task definition (or a built image's history). ` +
      `Give the task its own secret through ECS secrets (valueFrom), or, if it really belongs there, ${options.howToAllow(name)}`
    );
  };
}
