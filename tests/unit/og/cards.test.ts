import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseStudyCard, homeCard, type OgCardFile } from '../../../src/og/card.ts';
import {
  helpPaintOgCardsInChild,
  publishOgCards,
  paintOgCardsInChild,
} from '../../../src/og/cards.ts';
import { projectRoot } from '../../helpers/build.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function cards(title: string): OgCardFile[] {
  return [
    {
      path: 'og/case-studies/churn.png',
      card: caseStudyCard({ title, organization: 'Acme', metrics: [] }, 'Ada'),
    },
    { path: 'og/home.png', card: homeCard({ name: 'Ada', headline: 'Intern' }, 1) },
  ];
}

/** A staging folder of a test's own. */
function staging(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'og-staging-')), 'cards');
}

describe('the build’s Open Graph cards', () => {
  it('paints every card into the cache and publishes it under its path', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
    const stagingDir = staging();
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'og-out-'));
    const rendered = await paintOgCardsInChild(cards('Churn'), {
      root: projectRoot,
      cacheDir,
      stagingDir,
    });
    expect(rendered.map((card) => card.path)).toEqual(['og/case-studies/churn.png', 'og/home.png']);
    publishOgCards(stagingDir, outDir);
    for (const [index, file] of ['og/case-studies/churn.png', 'og/home.png'].entries()) {
      const published = readFileSync(path.join(outDir, file));
      expect([...published.subarray(0, 8)], file).toEqual(PNG_SIGNATURE);
      expect(published.equals(readFileSync(rendered[index]?.cached ?? '')), file).toBe(true);
      // The cached file itself, under a second name: no copy was made.
      expect(statSync(path.join(outDir, file)).ino, file).toBe(
        statSync(rendered[index]?.cached ?? '').ino,
      );
    }
    // Moved, not copied: nothing is left behind in the staging folder.
    expect(readdirSync(stagingDir)).toEqual([]);
  });

  it('publishes beside files already in the output’s og folder', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
    const stagingDir = staging();
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'og-out-'));
    // For example from a public/og/ folder of the intern's own.
    mkdirSync(path.join(outDir, 'og'));
    writeFileSync(path.join(outDir, 'og/custom.png'), 'mine');
    await paintOgCardsInChild(cards('Churn'), { root: projectRoot, cacheDir, stagingDir });
    publishOgCards(stagingDir, outDir);
    expect(readFileSync(path.join(outDir, 'og/custom.png'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(outDir, 'og/home.png'))).toBe(true);
    expect(existsSync(path.join(outDir, 'og/case-studies/churn.png'))).toBe(true);
  });

  it('reuses a cached card whose words did not change, and drops cards no longer built', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
    const first = await paintOgCardsInChild(cards('Churn'), {
      root: projectRoot,
      cacheDir,
      stagingDir: staging(),
    });
    const home = first[1]?.cached ?? '';
    // Mark the cached home card: a repaint would overwrite the mark.
    writeFileSync(home, 'kept');
    const before = statSync(home).mtimeMs;
    const second = await paintOgCardsInChild(cards('Churn, retitled'), {
      root: projectRoot,
      cacheDir,
      stagingDir: staging(),
    });
    expect(second[1]?.cached).toBe(home);
    expect(readFileSync(home, 'utf8')).toBe('kept');
    expect(statSync(home).mtimeMs).toBe(before);
    expect(second[0]?.cached).not.toBe(first[0]?.cached);
    expect(existsSync(first[0]?.cached ?? '')).toBe(false);
    expect(readdirSync(cacheDir).sort()).toEqual(
      second.map((card) => path.basename(card.cached)).sort(),
    );
  });

  it('reports characters no bundled font has, per card', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
    const [card] = await paintOgCardsInChild(cards('Churn 🚀 and 한국어'), {
      root: projectRoot,
      cacheDir,
      stagingDir: staging(),
    });
    expect(card?.missing).toEqual(['🚀', '한', '국', '어']);
  });
});

describe('two painters sharing the work', () => {
  const many: OgCardFile[] = Array.from({ length: 6 }, (_, index) => ({
    path: `og/case-studies/study-${index}.png`,
    card: caseStudyCard({ title: `Study ${index}`, organization: 'Acme', metrics: [] }, 'Ada'),
  }));

  it('paint every card once between them, from both ends, the same as one painter alone', async () => {
    const alone = await paintOgCardsInChild(many, {
      root: projectRoot,
      cacheDir: mkdtempSync(path.join(os.tmpdir(), 'og-cache-')),
      stagingDir: staging(),
    });
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
    const options = { root: projectRoot, cacheDir, stagingDir: staging() };
    const [shared] = await Promise.all([
      paintOgCardsInChild(many, options),
      helpPaintOgCardsInChild(many, options),
    ]);
    for (const [index, card] of shared.entries()) {
      const staged = readFileSync(path.join(options.stagingDir, card.path));
      expect(staged.equals(readFileSync(alone[index]?.cached ?? '')), card.path).toBe(true);
    }
    // Whole cards only: no painter's unfinished file is left in the cache.
    expect(readdirSync(cacheDir).sort()).toEqual(
      shared.map((card) => path.basename(card.cached)).sort(),
    );
  });

  it('the first painter paints none of the cards the second has painted', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
    const options = { root: projectRoot, cacheDir, stagingDir: staging() };
    await helpPaintOgCardsInChild(many.slice(3), options);
    const names = () => new Set(readdirSync(cacheDir));
    const helped = names();
    expect(helped.size).toBe(3);
    // Mark what the second painter wrote: a repaint would overwrite the mark.
    for (const name of helped) writeFileSync(path.join(cacheDir, name), 'helped');
    const painted = await paintOgCardsInChild(many, options);
    const marked = painted.filter(({ cached }) => readFileSync(cached, 'utf8') === 'helped');
    expect(marked.map((card) => card.path)).toEqual(many.slice(3).map((card) => card.path));
  });

  it("removes a card a stopped painter had begun, and keeps a running one's", async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'og-cache-'));
    const abandoned = path.join(cacheDir, `${'a'.repeat(32)}.png.999999999.tmp`);
    const running = path.join(cacheDir, `${'b'.repeat(32)}.png.${process.pid}.tmp`);
    writeFileSync(abandoned, 'half a card');
    writeFileSync(running, 'half a card');
    await paintOgCardsInChild(cards('Churn'), {
      root: projectRoot,
      cacheDir,
      stagingDir: staging(),
    });
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });
});

describe('when the painter fails', () => {
  it('rejects with one line instead of leaving the build waiting', async () => {
    const notAFolder = path.join(mkdtempSync(path.join(os.tmpdir(), 'og-cache-')), 'file');
    writeFileSync(notAFolder, 'not a folder');
    await expect(
      paintOgCardsInChild(cards('Churn'), {
        root: projectRoot,
        cacheDir: notAFolder,
        stagingDir: staging(),
      }),
    ).rejects.toThrow('the Open Graph card painter stopped with code 1');
  });
});
