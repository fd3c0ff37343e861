import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runChildJob } from '../../../src/processes/child-process.ts';

const child = new URL('../../fixtures/child-jobs/process-facts.ts', import.meta.url);

interface Facts {
  echo: string;
  execArgv: string[];
  nice: number;
}

describe('runChildJob', () => {
  it('runs the job in a plain Node process: no flags, the priority of its parent', async () => {
    const facts = await runChildJob<Facts>(child, { echo: 'hello' }, { name: 'a test job' });
    expect(facts).toEqual({ echo: 'hello', execArgv: [], nice: getPriority() });
  });

  it('passes the Node flags and the nice value it is given', async () => {
    const facts = await runChildJob<Facts>(
      child,
      { echo: 'painter' },
      { name: 'a test job', nice: 19, nodeFlags: ['--single-threaded-gc'] },
    );
    expect(facts.echo).toBe('painter');
    expect(facts.execArgv).toEqual(['--single-threaded-gc']);
    expect(facts.nice).toBe(19);
  });

  it('takes the answer of a child that does not end after it, and ends the child', async () => {
    const lingers = new URL('../../fixtures/child-jobs/answers-then-lingers.ts', import.meta.url);
    const started = Date.now();
    const answer = await runChildJob<{ echo: string; pid: number }>(
      lingers,
      { echo: 'cards' },
      { name: 'a test job', exitGraceMs: 500 },
    );
    expect(answer.echo).toBe('cards');
    expect(Date.now() - started).toBeLessThan(10_000);
    // Killed: signalling it finds no process.
    expect(() => process.kill(answer.pid, 0)).toThrow();
  });
});

describe('serveChildJob', () => {
  it('writes a part out before the work after it blocks the event loop, once its send is awaited', async () => {
    const big = new URL('../../fixtures/child-jobs/big-part-then-busy.ts', import.meta.url);
    /** How long before the answer the parent had the part, in ms. */
    const lead = async (awaitPart: boolean) => {
      let partAt = 0;
      await runChildJob<string>(
        big,
        { awaitPart, busyMs: 1500 },
        { name: 'a test job', onPart: () => (partAt = Date.now()) },
      );
      return Date.now() - partAt;
    };
    expect(await lead(true)).toBeGreaterThan(1000);
    // Without waiting, most of the part is still in the child's buffer when it blocks.
    expect(await lead(false)).toBeLessThan(1000);
  });

  it('leaves quietly, without a stack trace, when its parent has gone before it answers', async () => {
    const { fork } = await import('node:child_process');
    const busy = new URL('../../fixtures/child-jobs/busy-then-part.ts', import.meta.url);
    const job = fork(busy, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
    let stderr = '';
    job.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    job.send({ busyMs: 1500 });
    // The parent goes while the child is busy: the channel closes under it.
    setTimeout(() => job.disconnect(), 300);
    const code = await new Promise<number | null>((resolve) => job.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
