import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidates, describeDiscovery, findChromium } from '../../helpers/find-chromium.ts';

describe('finding a Chromium for the browser tests', () => {
  it('tries CHROMIUM_PATH, then the system browsers, then the packaged one', () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'browser-path-'));
    writeFileSync(path.join(bin, 'google-chrome'), '#!/bin/sh\n');
    chmodSync(path.join(bin, 'google-chrome'), 0o755);
    const sources = candidates({ CHROMIUM_PATH: '/opt/my-chrome', PATH: bin }).map(
      (candidate) => candidate.source,
    );
    expect(sources).toEqual([
      'CHROMIUM_PATH=/opt/my-chrome',
      '/usr/bin/chromium',
      path.join(bin, 'google-chrome'),
      '@sparticuz/chromium',
    ]);
  });

  it('says in one line what it tried and how to enable the tests when nothing starts', async () => {
    const discovery = await findChromium([
      { source: 'CHROMIUM_PATH=/nowhere', resolve: () => Promise.reject(new Error('not found')) },
      // Exists but is no browser: it must start, not merely exist.
      { source: '/bin/false', resolve: () => Promise.resolve({ executablePath: '/bin/false' }) },
    ]);
    expect(discovery.found).toBeUndefined();
    const line = describeDiscovery(discovery);
    expect(line).not.toContain('\n');
    expect(line).toMatch(
      /^Browser tests skipped: no Chromium could start \(tried CHROMIUM_PATH=\/nowhere: not found; \/bin\/false: does not start \(.+\)\); to run them, set CHROMIUM_PATH to a Chromium or Chrome, or apt-get install chromium\.$/,
    );
  });
});
