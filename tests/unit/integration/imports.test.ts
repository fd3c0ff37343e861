import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const lister = fileURLToPath(
  new URL('../../fixtures/module-graph/loaded-modules.ts', import.meta.url),
);
const integration = fileURLToPath(new URL('../../../src/integration.ts', import.meta.url));

/** The project files (src/, relative) Node loads to import `module`, in a fresh process. */
function loadedSourceFiles(module: string): string[] {
  const urls = JSON.parse(
    execFileSync(process.execPath, [lister, module], { encoding: 'utf8' }),
  ) as string[];
  const src = new URL('../../../src/', import.meta.url).href;
  return urls.filter((url) => url.startsWith(src)).map((url) => url.slice(src.length));
}

describe("the integration's own start-up", () => {
  // Astro loads the integration before anything else in a build, and the
  // content check's child process starts only after that. A build checks the
  // content in that child, so the checker (every schema, parser and importer)
  // must not be loaded by Astro's process too.
  it('does not load the content checker or its parsers', () => {
    const files = loadedSourceFiles(integration);
    expect(files).toContain('integration.ts');
    expect(files).toContain('og/cards.ts');
    expect(files).not.toContain('content/check.ts');
    expect(files).not.toContain('content/plan.ts');
    expect(files).not.toContain('artifacts/resolve-metric.ts');
    expect(files.filter((file) => file.startsWith('artifacts/'))).toEqual([]);
  });
});
