import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, childEnv, loadPage, projectRoot, testConfigArgs } from '../helpers/build.ts';

// Inside the project, like a real content/ folder.
const content = path.join(projectRoot, '.tmp', 'authoring-flow', 'content');

function run(script: string, args: string[]) {
  return spawnSync(process.execPath, [script, ...args], {
    cwd: projectRoot,
    env: childEnv({ CASEFOLIO_CONTENT_DIR: content, CI: '1' }),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

afterAll(() => rmSync(path.dirname(content), { recursive: true, force: true }));

describe('from a fresh clone: npm run new, npm run check, npm run build', () => {
  it('produces the new page (published with --publish; a plain new case study stays a draft)', async () => {
    rmSync(path.dirname(content), { recursive: true, force: true });
    // The sample portfolio, as a fresh clone has it (a copy: never the user's content/).
    cpSync(path.join(projectRoot, 'tests/fixtures/sample/content'), content, { recursive: true });

    const published = run('src/authoring/new.ts', [
      '--title',
      'Forecasting bike demand, station by station',
      '--template',
      'forecasting',
      '--organization',
      'City Bikes',
      '--role',
      'Data Science Intern',
      '--publish',
      '--yes',
    ]);
    expect(published.stderr).toBe('');
    expect(published.status).toBe(0);
    expect(published.stdout).toContain('(published: npm run build includes it)');
    const draft = run('src/authoring/new.ts', [
      '--title',
      'Still a draft',
      '--template',
      'analytics',
      '--yes',
    ]);
    expect(draft.status).toBe(0);
    expect(draft.stdout).toContain('(a draft)');

    const check = run('src/authoring/check.ts', testConfigArgs);
    expect(check.status, check.stderr).toBe(0);

    const result = await buildSite({
      fresh: true,
      label: 'authoring-flow',
      env: { CASEFOLIO_CONTENT_DIR: content },
    });
    expect(result.code, result.stderr).toBe(0);
    const $ = loadPage(result.outDir, 'case-studies/forecasting-bike-demand-station-by-station/');
    expect($('h1').text()).toBe('Forecasting bike demand, station by station');
    expect($('.glance').text()).toContain('City Bikes');
    expect(existsSync(path.join(result.outDir, 'case-studies/still-a-draft/index.html'))).toBe(
      false,
    );
  });
});
