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
});
