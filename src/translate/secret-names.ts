/**
 * Words in an environment variable name that say its value is a secret: DB_PASSWORD, PGPASSWORD,
 * GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, STRIPE_API_KEY, REDIS_PASS, SMTP_PWD. Bare PWD is the
 * working directory, and PASS only counts as a word of its own (not PASSENGER, BYPASS).
 */
export const SECRET_WORD =
  /passw(or)?d|passphrase|secret|token|api[-_]?key|private[-_]?key|access[-_]?key|credential|(^|[-_])pass([-_]|$)|[-_]pwd$/i;

/** A name that points at a secret without holding it: MYSQL_PASSWORD_FILE=/run/secrets/db. */
const REFERENCE = /[-_](file|path)$/i;

/** Whether a variable of this name holds a secret, as far as its name tells. */
export function holdsSecret(name: string): boolean {
  return SECRET_WORD.test(name) && !REFERENCE.test(name);
}
