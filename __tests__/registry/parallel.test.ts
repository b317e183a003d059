import { mapLimit } from '../../src/registry/parallel';

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
