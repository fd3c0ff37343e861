import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bareProject,
  casefolioContent,
  cohortContent,
  generateStudy,
  NOTEBOOK_FILE,
  proseWords,
  studyMdx,
  withNotebook,
  writeFiles,
} from '../../../bench/generate.ts';
import { checkAll } from '../../../src/content/check-all.ts';
import { checkContent } from '../../../src/content/check.ts';
import { lintContent } from '../../../src/content/lints.ts';
import { formatProblem } from '../../../src/problems/problem.ts';
import { siteOptionsSchema } from '../../../src/schemas/site-options.ts';

const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('bench generator', () => {
  it('is deterministic: the same seed gives the same files, another seed other files', () => {
    expect([...casefolioContent(8, 42)]).toEqual([...casefolioContent(8, 42)]);
    expect([...bareProject(8, 42)]).toEqual([...bareProject(8, 42)]);
    expect([...casefolioContent(8, 43)]).not.toEqual([...casefolioContent(8, 42)]);
  });

  it('makes study i independent of N, so a small site is a prefix of a large one', () => {
    const small = casefolioContent(3, 7);
    const large = casefolioContent(6, 7);
    for (const [file, text] of small) expect(large.get(file)).toBe(text);
  });

  it('generates content that passes every Casefolio check and lint', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-bench-'));
    temporaryDirs.push(root);
    const contentDir = path.join(root, 'content');
    writeFiles(contentDir, casefolioContent(5));
    const report = checkContent({ root, contentDir });
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.caseStudies).toHaveLength(5);
    const findings = lintContent(report, siteOptionsSchema.parse({}));
    expect(findings.map(formatProblem)).toEqual([]);
  });

  it('spreads the same studies over a cohort of members, in both member forms, passing every check and lint', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-bench-'));
    temporaryDirs.push(root);
    const contentDir = path.join(root, 'content');
    const files = cohortContent(10, 4);
    writeFiles(contentDir, files);
    const { portfolios, findings } = await checkAll(
      { root, contentDir, publicDir: path.join(root, 'public') },
      siteOptionsSchema.parse({}),
    );
    expect(findings.map(formatProblem)).toEqual([]);
    expect(
      portfolios.map(({ member, report }) => [member?.slug, report.caseStudies.length]),
    ).toEqual([
      ['intern-1', 3],
      ['intern-2', 3],
      ['intern-3', 2],
      ['intern-4', 2],
    ]);
    expect(files.has('people/intern-2/content/profile.yaml')).toBe(true);
    // The same prose as the single portfolio's: study i is the same study.
    const single = casefolioContent(10);
    const mdx = (map: Map<string, string>) =>
      [...map]
        .filter(([file]) => file.endsWith('.mdx'))
        .map(([, text]) => text)
        .sort();
    expect(mdx(files)).toEqual(mdx(single));
  });

  it('adds the fifty-figure notebook to the first study only, and the site still passes every check and lint', () => {
    const notebook = fs.readFileSync(
      path.join(import.meta.dirname, '../../fixtures/notebooks', NOTEBOOK_FILE),
      'utf8',
    );
    const plain = casefolioContent(3);
    const { files, slug } = withNotebook(plain, notebook);
    expect(slug).toBe(generateStudy(0).slug);
    const changed = [...files].filter(([file, text]) => plain.get(file) !== text).map(([f]) => f);
    expect(changed).toEqual([
      `case-studies/${slug}/index.mdx`,
      `case-studies/${slug}/${NOTEBOOK_FILE}`,
    ]);
    expect(files.get(`case-studies/${slug}/index.mdx`)).toMatch(
      /\n<Notebook src="\.\/fifty-figures\.ipynb" \/>\n$/,
    );

    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-bench-'));
    temporaryDirs.push(root);
    const contentDir = path.join(root, 'content');
    writeFiles(contentDir, files);
    const report = checkContent({ root, contentDir });
    expect(report.problems.map(formatProblem)).toEqual([]);
    const findings = lintContent(report, siteOptionsSchema.parse({}));
    expect(findings.map(formatProblem)).toEqual([]);
    const study = report.caseStudies.find((entry) => entry.slug === slug);
    expect(study?.parsed?.notebookImages).toHaveLength(50);
  });

  it('writes about 600 words of prose, two code blocks, a chart with a 50-row CSV and a confusion matrix', () => {
    for (let i = 0; i < 40; i++) {
      const study = generateStudy(i);
      const mdx = studyMdx(study, 'casefolio');
      const words = proseWords(mdx);
      expect(words, study.slug).toBeGreaterThanOrEqual(540);
      expect(words, study.slug).toBeLessThanOrEqual(660);
      expect(mdx.match(/^```(python|sql)$/gm)).toEqual(
        expect.arrayContaining(['```python', '```sql']),
      );
      expect(mdx.match(/^```\w+$/gm)).toHaveLength(2);
      expect(mdx).toContain('<Chart src="./history.csv" x="epoch" y={["loss", "val_loss"]}');
      expect(mdx).toMatch(/<ConfusionMatrix matrix=\{\[\[\d+/);
      expect(study.csv?.trim().split('\n')).toHaveLength(51);
      expect(study.csv?.startsWith('epoch,loss,val_loss\n')).toBe(true);
    }
  });

  it('writes a light study with the same prose and frontmatter, two 3-line code blocks, no components and no CSV', () => {
    for (let i = 0; i < 20; i++) {
      const full = generateStudy(i);
      const light = generateStudy(i, undefined, 'light');
      const mdx = studyMdx(light, 'casefolio');
      expect(light.frontmatter).toBe(full.frontmatter);
      expect(proseWords(mdx)).toBe(proseWords(studyMdx(full, 'casefolio')));
      const blocks = mdx.match(/^```\w+\n[\s\S]*?^```$/gm) ?? [];
      expect(blocks.map((block) => block.split('\n').length - 2)).toEqual([3, 3]);
      expect(mdx).not.toMatch(/<Chart|<ConfusionMatrix/);
      expect(light.csv).toBeUndefined();
    }
    const content = casefolioContent(3, undefined, 'light');
    expect([...content.keys()].filter((file) => file.endsWith('.csv'))).toEqual([]);
    const bare = bareProject(3, undefined, 'light');
    const bareStudy = [...bare.entries()].find(([file]) => file.endsWith('index.mdx'))?.[1] ?? '';
    expect(bareStudy).toContain('model.fit(df[features]');
  });

  it('gives the bare baseline the same prose and code, without components and with only a title', () => {
    const study = generateStudy(3);
    const casefolio = studyMdx(study, 'casefolio');
    const bare = studyMdx(study, 'bare');
    expect(bare).toMatch(/^---\ntitle: ".+"\n---\n/);
    expect(bare).not.toMatch(/<Chart|<ConfusionMatrix/);
    expect(proseWords(bare)).toBe(proseWords(casefolio));
    const codeBlocks = (text: string) => text.match(/```\w+\n[\s\S]*?```/g);
    expect(codeBlocks(bare)).toEqual(codeBlocks(casefolio));
    expect([...bareProject(2).keys()]).toEqual(
      expect.arrayContaining(['astro.config.mjs', 'src/pages/[slug].astro']),
    );
  });

  it('varies the frontmatter across tasks', () => {
    const tasks = new Set(
      Array.from(
        { length: 200 },
        (_, i) => /^ {2}task: (\S+)$/m.exec(generateStudy(i).frontmatter)?.[1],
      ),
    );
    expect(tasks.size).toBeGreaterThanOrEqual(10);
  });
});
