import { mapLimit, pipeline } from '../src/parallel';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('mapLimit', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('starts nothing new after a failure and rejects with the first one', async () => {
    const started: number[] = [];
    const attempt = mapLimit([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) throw new Error('one failed');
      return n;
    });
    await expect(attempt).rejects.toThrow('one failed');
    expect(started).toEqual([1, 2]);
  });

  it('treats a limit below one as one', async () => {
    expect(await mapLimit([1, 2], 0, async (n) => n)).toEqual([1, 2]);
    expect(await mapLimit([], 4, async (n) => n)).toEqual([]);
  });
});

describe('pipeline', () => {
  it('maps items as the producer hands them over, while it goes on producing', async () => {
    const events: string[] = [];
    const out = await pipeline<number, number>(
      async (emit) => {
        for (const n of [1, 2, 3]) {
          events.push(`produce ${n}`);
          emit(n);
          await tick();
          await tick();
        }
      },
      2,
      async (n) => {
        events.push(`start ${n}`);
        await tick();
        events.push(`end ${n}`);
        return n * 10;
      },
    );
    expect(out).toEqual([10, 20, 30]);
    // Item 1 was mapped before item 2 was produced: the two sides overlap.
    expect(events.indexOf('end 1')).toBeLessThan(events.indexOf('produce 2'));
  });

  it('stops the producer at its next item after a mapping fails, and rejects with that failure', async () => {
    const produced: number[] = [];
    const attempt = pipeline<number, number>(
      async (emit) => {
        for (const n of [1, 2, 3, 4]) {
          produced.push(n);
          emit(n);
          await tick();
          await tick();
        }
      },
      4,
      async (n) => {
        if (n === 1) throw new Error('push 1 failed');
        return n;
      },
    );
    await expect(attempt).rejects.toThrow('push 1 failed');
    expect(produced).toEqual([1, 2]);
  });

  it('lets running mappings finish when the producer fails, then rejects with its failure', async () => {
    let finished = 0;
    const attempt = pipeline<number, number>(
      async (emit) => {
        emit(1);
        throw new Error('export 2 failed');
      },
      2,
      async (n) => {
        await tick();
        finished++;
        return n;
      },
    );
    await expect(attempt).rejects.toThrow('export 2 failed');
    expect(finished).toBe(1);
  });
});
