import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// A folder without read permission cannot be made so for root, who runs CI:
// the listing of a folder named `locked` fails here as it would for anyone else.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((folder: fs.PathLike, options?: unknown) => {
    if (String(folder).endsWith(`${path.sep}locked`)) {
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(folder)}'`), {
        code: 'EACCES',
      });
    }
    return real.readdirSync(folder, options as never);
  }) as typeof real.readdirSync;
  return { ...real, default: { ...real, readdirSync }, readdirSync };
});

const { findBrokenLinks } = await import('../../../src/files/broken-links.ts');
const { walkFolder } = await import('../../../src/files/walk.ts');
const { checkAll } = await import('../../../src/content/check-all.ts');
const { siteOptionsSchema } = await import('../../../src/schemas/site-options.ts');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-locked-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const content = path.join(root, 'content');
fs.mkdirSync(path.join(content, 'case-studies', 'churn', 'locked'), { recursive: true });
fs.writeFileSync(path.join(content, 'case-studies', 'churn', 'notes.txt'), 'notes');

const LINE =
  'content/case-studies/churn/locked: this folder cannot be read (EACCES), so what it holds cannot be checked or published; make it readable, or move it out of the project';

describe('a folder that cannot be listed', () => {
  it('is passed over by the walk, which lists it instead of throwing', () => {
    const walked = walkFolder(path.join(content, 'case-studies'), { names: 'every' });
    expect(walked.files.map(({ relative }) => relative)).toEqual(['churn/notes.txt']);
    expect(walked.unreadable).toEqual([
      {
        path: path.join(content, 'case-studies', 'churn', 'locked'),
        relative: 'churn/locked',
        code: 'EACCES',
      },
    ]);
  });

  it('is one line of the check, which does not throw', async () => {
    expect(
      findBrokenLinks([content], root).map(({ file, message }) => `${file}: ${message}`),
    ).toEqual([LINE]);
    const { findings } = await checkAll(
      { root, contentDir: content, publicDir: path.join(root, 'public') },
      siteOptionsSchema.parse({}) as never,
    );
    expect(findings.map(({ file, message }) => `${file}: ${message}`)).toContain(LINE);
  });
});
