import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build.ts';

// Inside the project, like the real content/.
const content = path.join(projectRoot, '.tmp', 'og-cards', 'content');
const mdx = path.join(content, 'case-studies', 'published-study', 'index.mdx');

afterAll(() => rmSync(path.dirname(content), { recursive: true, force: true }));

describe('the build’s Open Graph cards', () => {
  it('warns, naming the card, when a title has characters no bundled font draws', async () => {
    rmSync(path.dirname(content), { recursive: true, force: true });
    cpSync(path.join(projectRoot, 'tests/fixtures/drafts/content'), content, { recursive: true });
    writeFileSync(
      mdx,
      readFileSync(mdx, 'utf8').replace(
        'title: A published study',
        'title: A published study 🚀 한국',
      ),
    );
    const result = await buildSite({
      fresh: true,
      label: 'og-cards',
      env: { CASEFOLIO_CONTENT_DIR: content },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '[WARN] [casefolio] og/case-studies/published-study.png: no bundled font has glyphs for "🚀한국"; they show as boxes in the social preview image.',
    );
    expect(result.stdout).toMatch(/\[casefolio\] social preview images: 2\n/);
    const png = readFileSync(path.join(result.outDir, 'og', 'case-studies', 'published-study.png'));
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  });

  it('repaints a card whose words changed on the next build and keeps the others', async () => {
    const first = await buildSite({
      fresh: true,
      label: 'og-cards',
      env: { CASEFOLIO_CONTENT_DIR: content },
    });
    const card = (dir: string, name: string) => readFileSync(path.join(dir, 'og', name));
    const home = card(first.outDir, 'home.png');
    const study = card(first.outDir, 'case-studies/published-study.png');
    writeFileSync(mdx, readFileSync(mdx, 'utf8').replace('🚀 한국', 'retitled'));
    const second = await buildSite({
      fresh: true,
      label: 'og-cards',
      env: { CASEFOLIO_CONTENT_DIR: content },
    });
    expect(second.code, second.stderr).toBe(0);
    expect(card(second.outDir, 'home.png').equals(home)).toBe(true);
    expect(card(second.outDir, 'case-studies/published-study.png').equals(study)).toBe(false);
    expect(second.stdout).not.toContain('no bundled font has glyphs');
  });
});
