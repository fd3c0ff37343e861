import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, loadPage, type BuildResult } from '../helpers/build.ts';
import { policyOf } from '../helpers/csp.ts';

let plain: BuildResult;
let counted: BuildResult;

beforeAll(async () => {
  plain = await buildSite({ fixture: 'valid' });
  counted = await buildSite({
    fixture: 'valid',
    env: {
      CASEFOLIO_TEST_OPTIONS: JSON.stringify({
        analytics: { provider: 'plausible', domain: 'ada.github.io' },
      }),
    },
  });
}, 600_000);

describe('analytics', () => {
  it('loads nothing and allows no other origin by default', () => {
    expect(plain.code).toBe(0);
    const pages = listFiles(plain.outDir).filter((file) => file.endsWith('.html'));
    for (const page of pages) {
      expect(loadPage(plain.outDir, page)('script[src^="https:"]'), page).toHaveLength(0);
    }
    const policy = policyOf(plain.outDir, '');
    expect(policy.get('script-src')).not.toContain('https:');
    expect(policy.has('connect-src')).toBe(false);
  });

  it('puts the chosen service’s script on every page, and its origins in the policy', () => {
    expect(counted.code).toBe(0);
    const pages = listFiles(counted.outDir).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const scripts = loadPage(
        counted.outDir,
        page,
      )('head script[src="https://plausible.io/js/script.js"]');
      expect(scripts, page).toHaveLength(1);
      expect(scripts.attr('data-domain')).toBe('ada.github.io');
      expect(scripts.attr('defer')).toBeDefined();
    }
    for (const page of ['', 'case-studies/charts-demo/']) {
      const policy = policyOf(counted.outDir, page);
      expect(policy.get('script-src')?.split(' ')).toContain('https://plausible.io');
      expect(policy.get('connect-src')).toBe("'self' https://plausible.io");
      // The rest of the policy stays as it is.
      expect(policy.get('default-src')).toBe("'self'");
      expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    }
  });
});
