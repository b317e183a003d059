/**
 * The values the action has asked the runner to mask (the ECR password, github-token, ...), kept
 * so that interpolation can refuse to copy one into a task definition. Filled by the action's Log.
 */
const values = new Set<string>();

export function rememberMasked(value: string): void {
  if (value !== '') values.add(value);
}

/** The values masked so far, and every value masked later: the set itself, not a copy. */
export function maskedValues(): ReadonlySet<string> {
  return values;
}
