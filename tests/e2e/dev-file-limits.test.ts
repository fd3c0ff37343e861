import { cpSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { editFile, startDevServer, type DevServer } from '../helpers/dev-server.ts';

/**
 * `npm run dev` against a real dev server, over a copy of
 * tests/fixtures/file-boundary: a loop of links inside an MLflow run folder
 * and a JSON file nested thousands of levels deep used to crash the check
 * and end the server. Now each is a one-line error on the page and in the
 * terminal, the server keeps running, and the page comes back once the file
 * is fixed.
 */

// Inside the project, so Vite serves and watches it like the real content/.
const content = path.join(projectRoot, '.tmp', 'dev-file-limits', 'content');
const studies = path.join(content, 'case-studies');
const shown = '.tmp/dev-file-limits/content/case-studies';
/** Long enough for a busy machine; each wait ends as soon as the change shows. */
const DEADLINE_MS = 30_000;

let server: DevServer;

interface Page {
  status: number;
  html: string;
}

/** Fetches `pathname` until `done` holds, or fails at the deadline with what it showed. */
async function pageUntil(pathname: string, done: (page: Page) => boolean, what: string) {
  const deadline = Date.now() + DEADLINE_MS;
  let last: Page | undefined;
  while (Date.now() < deadline) {
    last = await fetch(`${server.origin}${pathname}`)
      .then(async (response) => ({ status: response.status, html: await response.text() }))
      .catch(() => undefined);
    if (last && done(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const shownPage = last ? `${last.status}: ${last.html.slice(0, 1500)}` : 'no answer';
  throw new Error(
    `${what} did not appear on ${pathname}; it shows ${shownPage}\n${server.output()}`,
  );
}

/** Waits until the server has printed `line` since `from` (an offset into its output). */
async function printed(line: string, from: number): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (!server.output().slice(from).includes(line) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(server.output().slice(from)).toContain(line);
}

beforeAll(async () => {
  rmSync(path.dirname(content), { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/file-boundary/content'), content, {
    recursive: true,
  });
  writeFileSync(path.join(studies, 'deep-json', 'summary.json'), '{ "f1": 0.8 }\n');
  writeFileSync(path.join(studies, 'deep-json', 'rows.json'), '[{ "x": 1, "y": 2 }]\n');
  // Only the studies under test: the others' files are made by the build test.
  rmSync(path.join(studies, 'run-link'), { recursive: true });
  rmSync(path.join(studies, 'run-huge'), { recursive: true });
  rmSync(path.join(studies, 'linked-image'), { recursive: true });
  server = await startDevServer(content);
  await pageUntil('/case-studies/run-loop/', ({ status }) => status === 200, 'the case study');
}, 120_000);

afterAll(() => {
  server?.stop();
  rmSync(path.dirname(content), { recursive: true, force: true });
});

describe('npm run dev over files that used to crash it', () => {
  it('shows a loop of links in a run folder as one line, keeps running, and recovers once it is removed', async () => {
    const tags = path.join(studies, 'run-loop', 'run', 'tags');
    const before = server.output().length;
    symlinkSync('loop-b', path.join(tags, 'loop-a'));
    symlinkSync('loop-a', path.join(tags, 'loop-b'));
    const line = `${shown}/run-loop/index.mdx:10: metrics[0].from: path "./run/tags/loop-a" is a link that leads back to itself in a loop; copy the file in instead; also refused: "./run/tags/loop-b" (metric "AUC")`;
    try {
      await pageUntil('/case-studies/run-loop/', ({ status }) => status === 500, 'the error');
      await printed(line, before);
    } finally {
      rmSync(path.join(tags, 'loop-a'));
      rmSync(path.join(tags, 'loop-b'));
    }
    await pageUntil('/case-studies/run-loop/', ({ status }) => status === 200, 'the fixed page');
  });

  it('shows JSON nested 5,000 levels deep as one line, keeps running, and recovers once it is fixed', async () => {
    const summary = path.join(studies, 'deep-json', 'summary.json');
    const before = server.output().length;
    writeFileSync(summary, `{ "f1": 0.8,\n  "x": ${'['.repeat(5000)}${']'.repeat(5000)} }\n`);
    const line = `${shown}/deep-json/index.mdx:10: metrics[0].from: ./summary.json (line 2): the file nests lists and objects more than 64 levels deep, the limit (exports nest a few levels); save only the values the page shows (metric "F1")`;
    await pageUntil('/case-studies/deep-json/', ({ status }) => status === 500, 'the error');
    await printed(line, before);
    editFile(summary, `"x": ${'['.repeat(5000)}${']'.repeat(5000)}`, '"x": []');
    await pageUntil('/case-studies/deep-json/', ({ status }) => status === 200, 'the fixed page');
  });

  it('printed no stack trace', () => {
    expect(server.output()).not.toMatch(/^\s+at /m);
    expect(server.output()).not.toMatch(/ELOOP|RangeError|Maximum call stack/);
  });
});
