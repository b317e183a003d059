/**
 * Maps items with at most `limit` calls in flight, keeping the input order in the result.
 * After the first failure no new call starts; the ones running finish, then it rejects with
 * that first failure.
 */
export function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  return pipeline<T, R>(
    async (emit) => {
      for (const item of items) emit(item);
    },
    limit,
    fn,
  );
}

/**
 * Maps the items `produce` hands over one at a time, as they come, with at most `limit` calls in
 * flight, keeping the order they came in: the next export runs while earlier images push. After
 * the first failure, on either side, `emit` throws it (so the producer stops), queued items are
 * dropped and the calls running finish; then it rejects with that first failure.
 */
export async function pipeline<T, R>(
  produce: (emit: (item: T) => void) => Promise<void>,
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const width = Math.max(1, Math.floor(limit) || 1);
  const results: R[] = [];
  const queue: { item: T; index: number }[] = [];
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let count = 0;
  const start = (): void => {
    while (!failure && running.size < width && queue.length > 0) {
      const { item, index } = queue.shift() as { item: T; index: number };
      const call: Promise<void> = fn(item, index)
        .then(
          (r) => {
            results[index] = r;
          },
          (e: unknown) => {
            failure ??= { error: e };
          },
        )
        .finally(() => {
          running.delete(call);
          start();
        });
      running.add(call);
    }
  };
  const emit = (item: T): void => {
    if (failure) throw failure.error;
    queue.push({ item, index: count++ });
    start();
  };
  try {
    await produce(emit);
  } catch (e) {
    failure ??= { error: e };
  }
  while (running.size > 0) await Promise.race(running);
  if (failure) throw failure.error;
  return results;
}
