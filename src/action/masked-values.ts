/**
 * The values the action has asked the runner to mask (the ECR password, github-token, ...), kept
 * so that interpolation can refuse to copy one into a task definition. Filled by the action's Log.
 */
const values = new Set<string>();

export function rememberMasked(value: string): void {
  if (value !== '') values.add(value);
}

export function maskedValues(): readonly string[] {
  return [...values];
}
