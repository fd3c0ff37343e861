import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, listFiles, projectRoot } from '../helpers/build.ts';

const fixture = path.join(projectRoot, 'tests/fixtures/valid/content');
// One content path for both builds, so only the order, time zone and locale differ.
const content = path.join(projectRoot, '.tmp', 'determinism', 'content');

/** Recreates the fixture's content, writing its files in the given order. */
function recreate(order: 'forward' | 'reverse'): void {
  rmSync(content, { recursive: true, force: true });
  const files = listFiles(fixture);
  for (const file of order === 'forward' ? files : [...files].reverse()) {
    const target = path.join(content, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(path.join(fixture, file)));
  }
}

async function buildWith(order: 'forward' | 'reverse', env: Record<string, string>, label: string) {
  recreate(order);
  const result = await buildSite({
    fresh: true,
    label,
    env: { CASEFOLIO_CONTENT_DIR: content, SITE_URL: 'https://ada.example.com', ...env },
  });
  expect(result.code, result.stderr).toBe(0);
  const copy = path.join(projectRoot, '.tmp', 'determinism', label);
  rmSync(copy, { recursive: true, force: true });
  cpSync(result.outDir, copy, { recursive: true });
  return copy;
}

describe('deterministic output', () => {
  it('builds byte-identical sites under other time zones, locales and file orders', async () => {
    const first = await buildWith(
      'forward',
      { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
      'det-a',
    );
    const second = await buildWith(
      'reverse',
      { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
      'det-b',
    );
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    const different = files.filter(
      (file) => !readFileSync(path.join(first, file)).equals(readFileSync(path.join(second, file))),
    );
    expect(different).toEqual([]);
    rmSync(path.join(projectRoot, '.tmp', 'determinism'), { recursive: true, force: true });
  });
});
