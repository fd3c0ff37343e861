import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, sharedBuildsDir } from '../helpers/build.ts';

/**
 * The test helper's promise: a build is shared only with builds of exactly the
 * same fixture, arguments and environment, made once however many ask at once.
 */
const temp = mkdtempSync(path.join(os.tmpdir(), 'casefolio-shared-builds-'));
const log = path.join(temp, 'builds.jsonl');
const before = process.env['CASEFOLIO_TEST_BUILD_LOG'];
process.env['CASEFOLIO_TEST_BUILD_LOG'] = log;
afterAll(() => {
  if (before === undefined) delete process.env['CASEFOLIO_TEST_BUILD_LOG'];
  else process.env['CASEFOLIO_TEST_BUILD_LOG'] = before;
  rmSync(temp, { recursive: true, force: true });
});

const made = () =>
  readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { how: string; args: string[] })
    .filter((entry) => entry.how === 'built');

describe('shared test builds', () => {
  it('builds one configuration once, even when asked for twice at the same time', async () => {
    // A fixture that fails fast; the argument keeps this build out of other files' way.
    const args = ['--base', '/shared-builds-test/'];
    const [first, second] = await Promise.all([
      buildSite({ fixture: 'gps', args }),
      buildSite({ fixture: 'gps', args }),
    ]);
    expect(second).toEqual(first);
    expect(path.dirname(first.outDir)).toBe(sharedBuildsDir);
    expect(made()).toHaveLength(1);
    const third = await buildSite({ fixture: 'gps', args });
    expect(third).toEqual(first);
    expect(made()).toHaveLength(1);
  });

  it('builds again for other arguments, another environment, or fresh', async () => {
    const args = ['--base', '/shared-builds-test/'];
    const shared = await buildSite({ fixture: 'gps', args });
    const others = [
      await buildSite({ fixture: 'gps', args: ['--base', '/shared-builds-other/'] }),
      await buildSite({ fixture: 'gps', args, env: { SITE_URL: 'https://ada.example.com' } }),
      await buildSite({ fixture: 'gps', args, fresh: true, label: 'shared-builds-fresh' }),
    ];
    expect(new Set([shared, ...others].map((build) => build.outDir)).size).toBe(4);
    expect(others[2]?.outDir).toBe(path.join(projectRoot, '.tmp', 'builds', 'shared-builds-fresh'));
    expect(made().map((entry) => entry.args)).toEqual([
      args,
      ['--base', '/shared-builds-other/'],
      args,
      args,
    ]);
  });

  it('builds when the process that held the lock died mid-build', async () => {
    const args = ['--base', '/shared-builds-lock/'];
    const { outDir } = await buildSite({ fixture: 'gps', args });
    // As a build interrupted before it saved its result leaves things.
    rmSync(`${outDir}.json`);
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(`${outDir}.lock`);
    writeFileSync(`${outDir}.lock/pid`, String(dead));
    const again = await buildSite({ fixture: 'gps', args });
    expect(again.code).toBe(1);
    expect(made().filter((entry) => entry.args[1] === '/shared-builds-lock/')).toHaveLength(2);
  });

  it('refuses to share a build of a content copy, or a label without fresh', async () => {
    await expect(buildSite({ env: { CASEFOLIO_CONTENT_DIR: temp } })).rejects.toThrow(
      'buildSite: a build of a content copy must be fresh (fresh: true, label)',
    );
    // @ts-expect-error: a label belongs to a fresh build.
    await expect(buildSite({ fixture: 'gps', label: 'mine' })).rejects.toThrow(
      "buildSite: a label names a fresh build's folder; pass fresh: true with it",
    );
  });
});
