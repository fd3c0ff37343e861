import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { childEnv, projectRoot, testConfigArgs } from './build.ts';

/** `astro dev` on a free loopback port, over a fixture's content or a copy of it. */
export interface DevServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Everything the server has printed so far, stdout and stderr together. */
  output(): string;
  stop(): void;
}

/** A port nothing listens on now: another run's server cannot answer this one's requests. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts `astro dev` with the tests' Astro config (never the user's) over
 * `contentDir` (relative to the project root, or absolute), and resolves once
 * its home page answers 200; fails at the deadline with what the server
 * printed. `env` is added to the server's environment.
 */
export async function startDevServer(
  contentDir: string,
  { deadlineMs = 60_000, env = {} }: { deadlineMs?: number; env?: Record<string, string> } = {},
): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      ...testConfigArgs,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      // Astro allows one dev server per project; replace any left by another run.
      '--force',
    ],
    {
      cwd: projectRoot,
      env: childEnv({ CASEFOLIO_CONTENT_DIR: contentDir, NO_COLOR: '1', FORCE_COLOR: '0', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const server: DevServer = { origin, output: () => output, stop: () => child.kill() };
  const start = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${origin}/`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() - start > deadlineMs) {
      server.stop();
      throw new Error(`astro dev did not answer on ${origin}/:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Saves `file` with its first `from` replaced by `to`, as an intern's edit would; fails if `from` is not there. */
export function editFile(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}
