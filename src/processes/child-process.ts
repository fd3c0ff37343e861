import { fork } from 'node:child_process';
import { getCompileCacheDir } from 'node:module';
import { setPriority } from 'node:os';

/**
 * One job in a separate Node process: the parent sends one message, the
 * child may send parts of its work as each is done, then answers with one
 * message and exits. The build uses it for work that can run on the core
 * Astro leaves idle (the content checks while Astro sets up, the Open Graph
 * cards while it bundles) and whose memory should go back to the system as
 * soon as the work is done.
 */

export interface ChildJobOptions {
  /** What the job is, for the error when the child fails: "the content check". */
  name: string;
  /** The child's nice value: 19 runs it behind everything Astro does. */
  nice?: number;
  /** Node flags for the child, such as `--single-threaded-gc`; none by default. */
  nodeFlags?: string[];
  /** Called with each part the child sends before its answer, in order (see `serveChildJob`). */
  onPart?: (part: unknown) => void;
  /** How long a child that has answered may take to end before it is killed; 5 s by default. */
  exitGraceMs?: number;
}

/**
 * A child that has answered ends at once, but one can hang as it ends: Node
 * can deadlock joining its own worker threads while one of them waits for a
 * garbage collection only the exiting thread could run (nodejs/node#54918;
 * seen once in CI, a painter that had answered and never ended, and the build
 * waited for it). Its answer is all the build needs, so it is killed.
 */
const EXIT_GRACE_MS = 5000;

/** What a child sends: parts, then its answer. */
type ChildMessage = { part: unknown } | { answer: unknown };

/**
 * A garbage collection the child asks for itself, where V8 would wait too
 * long: it needs the child started with `--expose-gc` (`nodeFlags`), and
 * does nothing without it (the same code run outside a build).
 */
export function collectGarbage(options: { type: 'minor' | 'major'; flavor?: 'last-resort' }): void {
  (globalThis as { gc?: (options: object) => void }).gc?.({ execution: 'sync', ...options });
}

/** `env` with NODE_COMPILE_CACHE pointing at this process's compile cache, when it has one. */
function withCompileCache(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const directory = getCompileCacheDir();
  return directory === undefined ? env : { ...env, NODE_COMPILE_CACHE: directory };
}

/** Starts `module` (which calls `serveChildJob`), sends it `job` and resolves with its answer. */
export function runChildJob<T>(module: URL, job: unknown, options: ChildJobOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(module, {
      // Not Astro's flags (a profiler, say): the child is a plain Node process.
      execArgv: options.nodeFlags ?? [],
      // The V8 code cache Astro keeps for its own modules (its CLI turns it on),
      // so a child loads its modules from cache too: about 0.1 s a child.
      env: withCompileCache(process.env),
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
    let killedAfterAnswer = false;
    child.on('message', (message: ChildMessage) => {
      if ('part' in message) {
        options.onPart?.(message.part);
        return;
      }
      answer = { value: message.answer as T };
      const hung = setTimeout(() => {
        killedAfterAnswer = true;
        child.kill('SIGKILL');
      }, options.exitGraceMs ?? EXIT_GRACE_MS);
      // Not a reason of its own to keep the parent running.
      hung.unref();
      child.once('close', () => clearTimeout(hung));
    });
    child.once('error', reject);
    // 'close', not 'exit': 'exit' comes when the process ends, which can be
    // before the parent has read the answer it sent just before (a busy build
    // saw "the search indexer stopped with code 0"); 'close' waits for the
    // message channel to close too, after its last message.
    child.once('close', (code) => {
      if (answer && (code === 0 || killedAfterAnswer)) resolve(answer.value);
      else reject(new Error(`${options.name} stopped with code ${code}`));
    });
    child.send(job as object);
  });
}

/**
 * The child's side: runs `work` on the one message it is sent, sends the
 * result back and exits, returning all its memory. `work` may call `send`
 * with parts the parent can use before the answer (the content check's
 * files to load, then its plan), in the order they are sent. A part larger
 * than the channel's buffer is only written out as the event loop turns, so
 * work that blocks the loop after sending one first awaits the promise
 * `send` returns: it settles once the part is written. A failure prints one
 * line and exits with 1, which the parent reports.
 */
export function serveChildJob<J, T, P = never>(
  work: (job: J, send: (part: P) => Promise<void>) => T | Promise<T>,
): void {
  // A build that stops (an error, Ctrl+C) closes the channel: no one wants the answer any more.
  process.once('disconnect', () => process.exit(0));
  // A message sent after the parent has gone fails (EPIPE); with a callback
  // Node hands the failure to it instead of throwing it, with a stack, as
  // an unhandled 'error' event after Astro's own message.
  const send = (message: ChildMessage, then?: () => void) => {
    if (!process.connected) process.exit(0);
    process.send?.(message, (error: Error | null) => (error ? process.exit(0) : then?.()));
  };
  process.once('message', (job: J) => {
    Promise.resolve()
      .then(() => work(job, (part) => new Promise<void>((written) => send({ part }, written))))
      .then(
        // Ended by letting the event loop run out rather than by process.exit,
        // whose way out is where Node can deadlock (see EXIT_GRACE_MS).
        (result) =>
          send({ answer: result }, () => {
            process.removeAllListeners('disconnect');
            process.exitCode = 0;
            process.disconnect();
          }),
        (error: unknown) => {
          process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
          process.exit(1);
        },
      );
  });
}
