/**
 * ECS tags take keys of 1-128 and values of 0-256 characters from letters, digits, spaces and
 * _ . : / = + - @ (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html): a
 * branch named `fix#12` or `feat(x)` would make RegisterTaskDefinition fail after the push. Each
 * other character becomes `_`, so the value keeps its length and still reads as the original.
 */
const ALLOWED = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;

function clean(text: string, max: number): string {
  return [...text]
    .map((c) => (ALLOWED.test(c) ? c : '_'))
    .join('')
    .slice(0, max);
}

/** The tags as ECS takes them; pure. Empty values are left out, as before. */
export function ecsTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    const k = clean(key, 128);
    if (k !== '' && value !== '') out[k] = clean(value, 256);
  }
  return out;
}
