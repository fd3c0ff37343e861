import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../src/integration/dev-watcher.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("astro dev's re-check after a save", () => {
  it('never runs twice at once: a save during a re-check is checked once that one ends, in order', async () => {
    const events: string[] = [];
    let content = 'first save';
    let runs = 0;
    const recheck = oneAtATime(
      async () => {
        const run = ++runs;
        const read = content;
        events.push(`start ${run} (${read})`);
        await tick(40);
        events.push(`end ${run} (${read})`);
      },
      (error) => events.push(`error ${String(error)}`),
    );
    recheck();
    await tick(10);
    // Saved twice while the first re-check still reads the first save.
    content = 'second save';
    recheck();
    content = 'third save';
    recheck();
    await tick(150);
    expect(events).toEqual([
      'start 1 (first save)',
      'end 1 (first save)',
      'start 2 (third save)',
      'end 2 (third save)',
    ]);
  });

  it('reports a re-check that failed, without a rejection that would stop the server, and runs again', async () => {
    let runs = 0;
    const errors: string[] = [];
    const recheck = oneAtATime(
      async () => {
        runs += 1;
        await tick(10);
        if (runs === 1) throw new Error('the check broke');
      },
      (error) => errors.push((error as Error).message),
    );
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    recheck();
    await tick(2);
    recheck();
    await tick(60);
    process.off('unhandledRejection', onUnhandled);
    expect(runs).toBe(2);
    expect(errors).toEqual(['the check broke']);
    expect(unhandled).toEqual([]);
  });
});
