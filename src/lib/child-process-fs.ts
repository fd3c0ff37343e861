import { fork } from 'node:child_process';
import { setPriority } from 'node:os';

/**
 * One job in a separate Node process: the parent sends one message, the
 * child answers with one message and exits. The build uses it for work that
 * can run on the core Astro leaves idle (the content checks while Astro sets
 * up, the Open Graph cards while it bundles) and whose memory should go back
 * to the system as soon as the work is done.
 */

export interface ChildJobOptions {
  /** What the job is, for the error when the child fails: "the content check". */
  name: string;
  /** The child's nice value: 19 runs it behind everything Astro does. */
  nice?: number;
}

/** Starts `module` (which calls `serveChildJob`), sends it `job` and resolves with its answer. */
export function runChildJob<T>(module: URL, job: unknown, options: ChildJobOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(module, {
      // Not Astro's flags (a profiler, say): the child is a plain Node process.
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    if (options.nice !== undefined) {
      try {
        if (child.pid !== undefined) setPriority(child.pid, options.nice);
      } catch {
        // Not permitted here: the job still runs, at normal priority.
      }
    }
    let answer: { value: T } | undefined;
    child.once('message', (value) => {
      answer = { value: value as T };
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0 && answer) resolve(answer.value);
      else reject(new Error(`${options.name} stopped with code ${code}`));
    });
    child.send(job as object);
  });
}

/**
 * The child's side: runs `work` on the one message it is sent, sends the
 * result back and exits, returning all its memory. A failure prints one line
 * and exits with 1, which the parent reports.
 */
export function serveChildJob<J, T>(work: (job: J) => T | Promise<T>): void {
  // A build that stops (an error, Ctrl+C) closes the channel: no one wants the answer any more.
  process.once('disconnect', () => process.exit(0));
  process.once('message', (job: J) => {
    Promise.resolve()
      .then(() => work(job))
      .then(
        (result) => process.send?.(result, () => process.exit(0)),
        (error: unknown) => {
          process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
          process.exit(1);
        },
      );
  });
}
