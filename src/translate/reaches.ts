/** Is there a path from `from` to `to` along `next` (the nodes one step from a node)? Each node is visited once. */
export function reaches(next: (node: string) => Iterable<string>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const node = stack.pop() as string;
    if (node === to) return true;
    if (seen.has(node)) continue;
    seen.add(node);
    stack.push(...next(node));
  }
  return false;
}
