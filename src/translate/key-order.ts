/** Key orders of the output, so identical inputs give byte-identical JSON whatever built it. */
export const TASK_KEYS = [
  'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'volumes',
  'placementConstraints', 'requiresCompatibilities', 'runtimePlatform', 'cpu', 'memory', 'pidMode', 'ipcMode', 'tags',
]; // prettier-ignore

export const CONTAINER_KEYS = [
  'name', 'image', 'repositoryCredentials', 'cpu', 'memory', 'memoryReservation', 'links', 'portMappings',
  'essential', 'entryPoint', 'command', 'environment', 'environmentFiles', 'mountPoints', 'volumesFrom', 'linuxParameters', 'secrets',
  'dependsOn', 'startTimeout', 'stopTimeout', 'hostname', 'user', 'workingDirectory', 'disableNetworking',
  'privileged', 'readonlyRootFilesystem', 'dnsServers', 'dnsSearchDomains', 'extraHosts', 'dockerSecurityOptions',
  'interactive', 'pseudoTerminal', 'dockerLabels', 'ulimits', 'logConfiguration', 'healthCheck', 'systemControls',
  'resourceRequirements', 'firelensConfiguration',
]; // prettier-ignore

/** A copy with `order`'s keys first, in that order, then any others sorted; undefined values dropped. */
export function ordered<T extends object>(value: T, order: readonly string[]): T {
  const source = value as Record<string, unknown>;
  const known = order.filter((k) => k in source);
  const rest = Object.keys(source)
    .filter((k) => !order.includes(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...rest]) if (source[key] !== undefined) out[key] = source[key];
  return out as T;
}
