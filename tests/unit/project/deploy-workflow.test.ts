import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * .github/workflows/deploy.yml must never publish a site that `npm run check`
 * rejects: check runs, and can fail the job, before anything is uploaded.
 */

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: unknown;
}

interface Job {
  needs?: string | string[];
  env?: Record<string, string>;
  steps: Step[];
  'continue-on-error'?: unknown;
}

const source = readFileSync(new URL('../../../.github/workflows/deploy.yml', import.meta.url), 'utf8');
const workflow = parse(source) as { jobs: Record<string, Job> };

/** Actions that publish or hand the site over for publishing. */
const PUBLISHING =
  /^(actions\/upload-pages-artifact|actions\/upload-artifact|actions\/deploy-pages|withastro\/action)@/;

const runs = (step: Step, command: RegExp) => step.run !== undefined && command.test(step.run);

describe('the deploy workflow', () => {
  const build = workflow.jobs['build'];
  const deploy = workflow.jobs['deploy'];
  const steps = build?.steps ?? [];
  const index = (predicate: (step: Step) => boolean) => steps.findIndex(predicate);
  const check = index((step) => runs(step, /^npm run check$/m));
  const upload = index((step) => PUBLISHING.test(step.uses ?? ''));

  it('installs from the lock, then checks, then builds, then uploads dist/', () => {
    const install = index((step) => runs(step, /^npm ci\b/m));
    const buildStep = index((step) => runs(step, /^npm run build$/m));
    expect(install, 'a step runs npm ci').toBeGreaterThanOrEqual(0);
    expect(check, 'a step runs npm run check').toBeGreaterThan(install);
    expect(buildStep, 'npm run build runs after the check').toBeGreaterThan(check);
    expect(upload, 'dist/ is uploaded after the build').toBeGreaterThan(buildStep);
    expect(steps[upload]?.uses).toMatch(/^actions\/upload-pages-artifact@v\d+$/);
    expect(steps[upload]?.with?.['path']).toMatch(/^dist\/?$/);
  });

  it('uploads nothing before the check, and nothing lets the job go on after a failure', () => {
    // Without a check step at all, every upload counts as before it.
    const beforeCheck = steps.slice(0, check < 0 ? steps.length : check);
    expect(beforeCheck.filter((step) => PUBLISHING.test(step.uses ?? ''))).toEqual([]);
    expect(build?.['continue-on-error']).toBeUndefined();
    for (const step of steps.slice(0, upload + 1)) {
      expect(step['continue-on-error'], step.name).toBeUndefined();
      expect(step.if, step.name).toBeUndefined();
      expect(step.run ?? '', step.name).not.toMatch(/\|\||;\s*true|set \+e/);
    }
  });

  it('deploys only what the build job uploaded, after it succeeded', () => {
    expect([deploy?.needs].flat()).toEqual(['build']);
    expect(deploy?.steps.map((step) => step.uses)).toEqual([
      expect.stringMatching(/^actions\/deploy-pages@v\d+$/),
    ]);
  });

  it('builds for the repository address and says how to set it up', () => {
    expect(build?.env).toEqual({
      SITE_URL: 'https://${{ github.repository_owner }}.github.io',
      BASE_PATH: '/${{ github.event.repository.name }}/',
    });
    expect(source).toContain(
      'One-time setup: repository Settings > Pages > Source: "GitHub Actions".',
    );
  });
});
