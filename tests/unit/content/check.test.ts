import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, findCaseStudyFiles } from '../../../src/content/check.ts';
import { checkLocalFile } from '../../../src/files/paths.ts';
import { formatProblem } from '../../../src/problems/problem.ts';

const PROFILE = 'name: Ada Lovelace\nheadline: Data science intern\n';

/** A valid case study; `extra` lines are added to the frontmatter, `body` after it. */
function caseStudy(extra = '', body = 'The model reached <Metric name="ROC AUC" />.\n'): string {
  return `---
title: Predicting churn
summary: A churn model lifted ROC AUC from 0.78 to 0.91.
organization: Acme
role: Data Science Intern
period: { start: 2025-06, end: 2025-08 }
dataset:
  name: Events
  access: internal
model: { name: Gradient-boosted trees, task: classification }
metrics:
  - { name: ROC AUC, value: 0.91, baseline: 0.78 }
stakeholders:
  - role: Head of Retention
${extra}---

${body}`;
}

const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (paths relative to the project root) into a fresh temporary project. */
function project(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-unit-'));
  temporaryDirs.push(root);
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return { root, contentDir: path.join(root, 'content') };
}

function problemLines(files: Record<string, string>): string[] {
  return checkContent(project(files)).problems.map(formatProblem);
}

describe('checkLocalFile', () => {
  function setup() {
    const site = project({
      'content/case-studies/churn/index.mdx': caseStudy(),
      'content/case-studies/churn/history.csv': 'epoch,loss\n1,0.5\n',
      'content/case-studies/common.csv': 'a\n1\n',
      'outside.csv': 'secret\n',
    });
    const mdx = path.join(site.contentDir, 'case-studies', 'churn', 'index.mdx');
    return { ...site, mdx };
  }

  it('accepts files beside the case study and elsewhere inside content', () => {
    const { mdx, contentDir } = setup();
    expect(checkLocalFile('./history.csv', mdx, contentDir)).toBeUndefined();
    expect(checkLocalFile('history.csv', mdx, contentDir)).toBeUndefined();
    expect(checkLocalFile('../common.csv', mdx, contentDir)).toBeUndefined();
  });

  it('rejects a path that leaves the content folder', () => {
    const { mdx, contentDir } = setup();
    expect(checkLocalFile('../../../outside.csv', mdx, contentDir)).toBe(
      'path "../../../outside.csv" leaves the content folder; keep files next to the case study',
    );
    expect(checkLocalFile('./../../../outside.csv', mdx, contentDir)).toMatch(/leaves the content/);
  });

  it('rejects absolute paths and URLs', () => {
    const { mdx, contentDir, root } = setup();
    expect(checkLocalFile(path.join(root, 'outside.csv'), mdx, contentDir)).toBe(
      `expected a path relative to this file such as "./outside.csv", got "${path.join(root, 'outside.csv')}"`,
    );
    expect(
      checkLocalFile(path.join(contentDir, 'case-studies/common.csv'), mdx, contentDir),
    ).toMatch(/^expected a path relative to this file/);
    expect(checkLocalFile('https://example.com/plot.png', mdx, contentDir)).toBe(
      'expected a path relative to this file such as "./plot.png", got "https://example.com/plot.png"',
    );
    expect(checkLocalFile('file:///etc/passwd', mdx, contentDir)).toMatch(
      /^expected a path relative to this file/,
    );
    expect(checkLocalFile('data:image/png;base64,AAAA', mdx, contentDir)).toMatch(
      /^expected a path relative to this file/,
    );
  });

  it('reports a missing file', () => {
    const { mdx, contentDir } = setup();
    expect(checkLocalFile('./missing.csv', mdx, contentDir)).toBe(
      'file not found: "./missing.csv"',
    );
  });

  it('rejects a symlink that points outside the content folder', () => {
    const { mdx, contentDir, root } = setup();
    fs.symlinkSync(path.join(root, 'outside.csv'), path.join(path.dirname(mdx), 'linked.csv'));
    expect(checkLocalFile('./linked.csv', mdx, contentDir)).toBe(
      'path "./linked.csv" is a link to a file outside the content folder; copy the file in instead',
    );
  });

  it('rejects a file inside a symlinked folder that points outside', () => {
    const { mdx, contentDir, root } = setup();
    fs.mkdirSync(path.join(root, 'elsewhere'));
    fs.writeFileSync(path.join(root, 'elsewhere', 'data.csv'), 'a\n1\n');
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(path.dirname(mdx), 'data'));
    expect(checkLocalFile('./data/data.csv', mdx, contentDir)).toMatch(
      /is a link to a file outside/,
    );
  });

  it('accepts a symlink that stays inside the content folder', () => {
    const { mdx, contentDir } = setup();
    fs.symlinkSync(
      path.join(contentDir, 'case-studies', 'common.csv'),
      path.join(path.dirname(mdx), 'common.csv'),
    );
    expect(checkLocalFile('./common.csv', mdx, contentDir)).toBeUndefined();
  });

  it('accepts a file inside content whose name starts with two dots', () => {
    const { mdx, contentDir } = setup();
    fs.writeFileSync(path.join(contentDir, '..data.csv'), 'a\n1\n');
    expect(checkLocalFile('../../..data.csv', mdx, contentDir)).toBeUndefined();
  });
});

describe('findCaseStudyFiles', () => {
  it('finds both forms in name order and skips ignored names', () => {
    const { contentDir } = project({
      'content/case-studies/pricing-dashboard.mdx': caseStudy(),
      'content/case-studies/churn-model/index.mdx': caseStudy(),
      'content/case-studies/churn-model/notes.mdx': caseStudy(),
      'content/case-studies/churn-model/notes.md': '# notes',
      'content/case-studies/no-index/readme.md': '# nothing',
      'content/case-studies/no-index/notes.md': '# nothing',
      'content/case-studies/_notes.mdx': 'scratch',
      'content/case-studies/_drafts/index.mdx': 'scratch',
      'content/case-studies/_Drafts.MD': 'scratch',
      'content/case-studies/.hidden.mdx': 'scratch',
      'content/case-studies/README.md': 'what goes here',
      'content/case-studies/pricing-dashboard.md': 'an older copy',
      'content/case-studies/notes.txt': 'not a page',
    });
    expect(findCaseStudyFiles(path.join(contentDir, 'case-studies'))).toEqual({
      entries: [
        { entry: 'churn-model/index.mdx', slug: 'churn-model' },
        { entry: 'pricing-dashboard.mdx', slug: 'pricing-dashboard' },
      ],
      misnamed: [],
      linked: [],
    });
  });

  it('returns nothing when the folder does not exist', () => {
    expect(findCaseStudyFiles(path.join(os.tmpdir(), 'casefolio-does-not-exist'))).toEqual({
      entries: [],
      misnamed: [],
      linked: [],
    });
  });

  it('names every file that would silently be no page, with the name it should have', () => {
    const { contentDir } = project({
      'content/case-studies/churn.MDX': caseStudy(),
      'content/case-studies/pricing.md': caseStudy(),
      'content/case-studies/Demand Forecast.markdown': caseStudy(),
      'content/case-studies/folder-a/Index.mdx': caseStudy(),
      'content/case-studies/folder-b/index.md': caseStudy(),
      'content/case-studies/folder-b/README.md': '# about',
      'content/case-studies/folder-c/folder-c.mdx': caseStudy(),
      'content/case-studies/folder-c/extra.mdx': caseStudy(),
      'content/case-studies/folder-d/INDEX.MDX': caseStudy(),
      'content/case-studies/folder-d/a.mdx': caseStudy(),
    });
    const { entries, misnamed } = findCaseStudyFiles(path.join(contentDir, 'case-studies'));
    expect(entries).toEqual([]);
    const keepOut = (what: string) => `, or start ${what} name with "_" to keep it out of the site`;
    expect(misnamed).toEqual([
      {
        file: 'Demand Forecast.markdown',
        message: `not a case study: case studies are MDX files, not Markdown; rename it to "demand-forecast.mdx"${keepOut('its')}`,
      },
      {
        file: 'churn.MDX',
        message: `not a case study: only names ending in ".mdx", in lower case, are; rename it to "churn.mdx"${keepOut('its')}`,
      },
      {
        file: 'folder-a/Index.mdx',
        message: `not a case study: a case-study folder's page is named "index.mdx", in lower case; rename it to "folder-a/index.mdx"${keepOut("the folder's")}`,
      },
      {
        file: 'folder-b/index.md',
        message: `not a case study: a case-study folder's page is "index.mdx" (case studies are MDX files, not Markdown); rename it to "folder-b/index.mdx"${keepOut("the folder's")}`,
      },
      {
        file: 'folder-c/extra.mdx',
        message: `not a case study: folder-c/ has no "index.mdx", the page of a case-study folder; rename it to "folder-c/index.mdx"${keepOut("the folder's")}`,
      },
      {
        file: 'folder-d/INDEX.MDX',
        message: `not a case study: a case-study folder's page is named "index.mdx", in lower case; rename it to "folder-d/index.mdx"${keepOut("the folder's")}`,
      },
      {
        file: 'pricing.md',
        message: `not a case study: case studies are MDX files, not Markdown; rename it to "pricing.mdx"${keepOut('its')}`,
      },
    ]);
  });
});

describe('checkContent', () => {
  it('finds no problems in a valid site, in both file forms', () => {
    const site = project({
      'content/profile.yaml': PROFILE,
      'content/case-studies/churn-model/index.mdx': caseStudy(
        'cover: { src: ./cover.png, alt: A lift chart }\n',
      ),
      'content/case-studies/churn-model/cover.png': 'png',
      'content/case-studies/pricing-dashboard.mdx': caseStudy('draft: true\n'),
    });
    const report = checkContent(site);
    expect(report.problems).toEqual([]);
    expect(report.caseStudies.map(({ entry, slug, draft }) => ({ entry, slug, draft }))).toEqual([
      { entry: 'churn-model/index.mdx', slug: 'churn-model', draft: false },
      { entry: 'pricing-dashboard.mdx', slug: 'pricing-dashboard', draft: true },
    ]);
    expect(report.caseStudies[0]?.absolutePath).toBe(
      path.join(site.contentDir, 'case-studies', 'churn-model', 'index.mdx'),
    );
  });

  it('ignores files and folders starting with an underscore entirely', () => {
    const report = checkContent(
      project({
        'content/profile.yaml': PROFILE,
        'content/case-studies/churn/index.mdx': caseStudy(),
        'content/case-studies/_notes.mdx': '---\ntitle: [broken\n---\n',
        'content/case-studies/_Old Stuff/index.mdx': 'no frontmatter at all',
      }),
    );
    expect(report.problems).toEqual([]);
    expect(report.caseStudies.map((entry) => entry.slug)).toEqual(['churn']);
  });

  it('reports a file that would silently be no page as an error at its first line', () => {
    expect(
      problemLines({
        'content/profile.yaml': PROFILE,
        'content/case-studies/churn/Index.mdx': caseStudy(),
      }),
    ).toEqual([
      'content/case-studies/churn/Index.mdx:1: not a case study: a case-study folder\'s page is named "index.mdx", in lower case; rename it to "churn/index.mdx", or start the folder\'s name with "_" to keep it out of the site',
    ]);
  });

  it('reports a metric whose change from its baseline is beyond the largest number, written or read from a file', () => {
    const lines = problemLines({
      'content/profile.yaml': PROFILE,
      'content/case-studies/churn/index.mdx': caseStudy().replace(
        '  - { name: ROC AUC, value: 0.91, baseline: 0.78 }',
        [
          '  - { name: ROC AUC, value: 1.7976931348623157e308, baseline: -1.7976931348623157e308 }',
          '  - { name: Loss, from: ./history.csv, key: loss, baseline: -1.7976931348623157e308 }',
        ].join('\n'),
      ),
      'content/case-studies/churn/history.csv': 'epoch,loss\n0,1\n1,1.7976931348623157e308\n',
    });
    const overflow =
      'the difference between value 1.7976931348623157e+308 and baseline -1.7976931348623157e+308 is beyond the largest number a page can show (about 1.8e308); check both, or use a larger unit';
    expect(lines).toEqual([
      `content/case-studies/churn/index.mdx:12: metrics[0].baseline: ${overflow} (metric "ROC AUC")`,
      `content/case-studies/churn/index.mdx:13: metrics[1].baseline: ${overflow} (metric "Loss")`,
    ]);
  });

  it('rejects an invalid folder slug and suggests a valid one', () => {
    expect(
      problemLines({
        'content/profile.yaml': PROFILE,
        'content/case-studies/Churn Model/index.mdx': caseStudy(),
      }),
    ).toEqual([
      'content/case-studies/Churn Model/index.mdx:1: invalid slug "Churn Model": use lowercase letters, digits and single hyphens; rename the folder to "churn-model"',
    ]);
  });

  it('rejects an invalid file slug and suggests a valid file name', () => {
    expect(
      problemLines({
        'content/profile.yaml': PROFILE,
        'content/case-studies/Pricing_Dashboard.mdx': caseStudy(),
      }),
    ).toEqual([
      'content/case-studies/Pricing_Dashboard.mdx:1: invalid slug "Pricing_Dashboard": use lowercase letters, digits and single hyphens; rename the file to "pricing-dashboard.mdx"',
    ]);
  });

  it('names both files when two entries share a slug', () => {
    const lines = problemLines({
      'content/profile.yaml': PROFILE,
      'content/case-studies/churn-model/index.mdx': caseStudy(),
      'content/case-studies/churn-model.mdx': caseStudy(),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('content/case-studies/churn-model.mdx');
    expect(lines[0]).toContain('content/case-studies/churn-model/index.mdx');
    expect(lines[0]).toContain('duplicate slug "churn-model"');
  });

  it('reports schema problems with their field, in the contract format', () => {
    const lines = problemLines({
      'content/profile.yaml': `${PROFILE}links:\n  - { label: x, url: "javascript:alert(1)" }\n`,
      'content/case-studies/churn-model/index.mdx': caseStudy('featured: yes\n').replace(
        'access: internal',
        'acess: internal',
      ),
    });
    expect(lines).toEqual([
      'content/case-studies/churn-model/index.mdx:9: dataset.acess: unknown field (did you mean "access"?)',
      'content/case-studies/churn-model/index.mdx:15: featured: expected true or false, got "yes"',
      'content/profile.yaml:4: links[0].url: only https, http and mailto links are allowed, got "javascript:alert(1)"',
    ]);
  });

  it('gives every problem the line of its field, after earlier problems with several keys', () => {
    const source = caseStudy()
      .replace('  access: internal\n', '  acess: internal\n  licence: MIT\n')
      .replace('value: 0.91,', 'value: "0.91 AUC",');
    const site = project({
      'content/profile.yaml': PROFILE,
      'content/case-studies/churn/index.mdx': source,
    });
    const lineOf = (text: string) =>
      source.split('\n').findIndex((line) => line.includes(text)) + 1;
    const problems = checkContent(site).problems;
    expect(problems.find((p) => p.field === 'metrics[0].value')?.line).toBe(lineOf('0.91 AUC'));
    expect(problems.map((p) => p.field)).toEqual([
      'dataset.acess',
      'dataset.licence',
      'metrics[0].value',
    ]);
  });

  it('reports an unknown <Metric name> with its line and a suggestion', () => {
    const source = caseStudy('', '## Results\n\nWe got <Metric name="ROC-AUC" />.\n');
    const problems = checkContent(
      project({ 'content/profile.yaml': PROFILE, 'content/case-studies/churn/index.mdx': source }),
    ).problems;
    const line = source.split('\n').findIndex((text) => text.includes('ROC-AUC')) + 1;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(line);
    expect(problems[0]?.field).toBeUndefined();
    expect(problems[0]?.message).toBe(
      '<Metric> name: no metric "ROC-AUC" in the frontmatter (did you mean "ROC AUC"?)',
    );
    expect(formatProblem(problems[0]!)).toBe(
      `content/case-studies/churn/index.mdx:${line}: <Metric> name: no metric "ROC-AUC" in the frontmatter (did you mean "ROC AUC"?)`,
    );
  });

  it('checks the cover path', () => {
    const lines = problemLines({
      'content/profile.yaml': PROFILE,
      'content/case-studies/churn/index.mdx': caseStudy(
        'cover: { src: ../../../secret.png, alt: A chart }\n',
      ),
      'secret.png': 'png',
    });
    expect(lines).toEqual([
      'content/case-studies/churn/index.mdx:15: cover.src: path "../../../secret.png" leaves the content folder; keep files next to the case study',
    ]);
  });

  it('checks the avatar and resume paths in the profile', () => {
    const lines = problemLines({
      'content/profile.yaml': `${PROFILE}avatar: ./me.jpg\nresume: /home/ada/cv.pdf\n`,
    });
    expect(lines).toEqual([
      'content/profile.yaml:3: avatar: file not found: "./me.jpg"',
      'content/profile.yaml:4: resume: expected a path relative to this file such as "./cv.pdf", got "/home/ada/cv.pdf"',
    ]);
  });

  it('reports a missing profile and a missing frontmatter', () => {
    expect(problemLines({ 'content/case-studies/churn.mdx': '# No frontmatter\n' })).toEqual([
      'content/case-studies/churn.mdx:1: no frontmatter: start the file with a line of --- followed by the fields (see the README)',
      'content/profile.yaml: file not found; every portfolio needs one: copy the example from the README',
    ]);
    expect(problemLines({ 'content/profile.yml': PROFILE })).toEqual([
      'content/profile.yaml: file not found (found profile.yml: rename it to profile.yaml)',
    ]);
  });

  it('reports invalid YAML with the line in the file', () => {
    const source = caseStudy().replace('role: Data Science Intern', 'role: Data: Science Intern');
    const problems = checkContent(
      project({ 'content/profile.yaml': PROFILE, 'content/case-studies/churn.mdx': source }),
    ).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(5);
    expect(formatProblem(problems[0]!)).toMatch(
      /^content\/case-studies\/churn\.mdx:5: invalid YAML in frontmatter: /,
    );
  });

  it('reports every problem in every file in one run', () => {
    const lines = problemLines({
      'content/profile.yaml': 'name: Ada\n',
      'content/case-studies/a.mdx': caseStudy().replace('title: Predicting churn\n', ''),
      'content/case-studies/b.mdx': caseStudy('impact: nope\n'),
    });
    expect(lines).toEqual([
      'content/case-studies/a.mdx:1: title: required field is missing (expected text)',
      'content/case-studies/b.mdx:15: impact: expected a list, got "nope"',
      'content/profile.yaml:1: headline: required field is missing (expected text)',
    ]);
  });

  it('lists unknown <Metric name> uses in line order', () => {
    const body =
      'See <Metric name="Early" />.\n' + '\n'.repeat(95) + 'And <Metric name="Late" />.\n';
    const problems = checkContent(
      project({
        'content/profile.yaml': PROFILE,
        'content/case-studies/a.mdx': caseStudy('', body),
      }),
    ).problems;
    expect(problems.map((problem) => problem.message)).toEqual([
      '<Metric> name: no metric "Early" in the frontmatter (known: "ROC AUC")',
      '<Metric> name: no metric "Late" in the frontmatter (known: "ROC AUC")',
    ]);
  });

  it('accepts a valid case study saved with CRLF line endings', () => {
    const source = caseStudy('featured: true\n').replace(/\n/g, '\r\n');
    expect(
      problemLines({ 'content/profile.yaml': PROFILE, 'content/case-studies/churn.mdx': source }),
    ).toEqual([]);
  });
});

describe('case studies that are links', () => {
  /** A project with one valid case study, `outside/` beside content/ holding another, and `links` made in case-studies/. */
  function linkedProject(links: Record<string, string>) {
    const site = project({
      'content/profile.yaml': PROFILE,
      'content/case-studies/churn/index.mdx': caseStudy(),
      'content/shared/pricing.mdx': caseStudy(),
      'outside/study/index.mdx': caseStudy('', 'OUTSIDE-SECRET\n'),
      'outside/study.mdx': caseStudy('', 'OUTSIDE-SECRET\n'),
    });
    for (const [link, target] of Object.entries(links)) {
      fs.symlinkSync(target, path.join(site.contentDir, 'case-studies', link));
    }
    return site;
  }

  it('refuses an entry or a case-study folder that links out of content/, reading nothing of it', () => {
    const site = linkedProject({
      'elsewhere.mdx': path.join('..', '..', 'outside', 'study.mdx'),
      'elsewhere-folder': path.join('..', '..', 'outside', 'study'),
    });
    const report = checkContent(site);
    expect(report.problems.map(formatProblem)).toEqual([
      'content/case-studies/elsewhere-folder: this folder is a link to a folder outside the content folder; copy the folder in instead',
      'content/case-studies/elsewhere.mdx:1: this file is a link to a file outside the content folder; copy the file in instead',
    ]);
    expect(report.caseStudies.map(({ slug }) => slug)).toEqual(['churn']);
    expect(report.linkedEntries).toEqual([
      { entry: 'elsewhere-folder/index.mdx', draft: false, linked: true },
      { entry: 'elsewhere.mdx', draft: false, linked: true },
    ]);
  });

  it('refuses a profile.yaml that links out of content/', () => {
    const site = linkedProject({});
    fs.writeFileSync(path.join(site.root, 'outside', 'profile.yaml'), PROFILE);
    fs.rmSync(path.join(site.contentDir, 'profile.yaml'));
    fs.symlinkSync(
      path.join(site.root, 'outside', 'profile.yaml'),
      path.join(site.contentDir, 'profile.yaml'),
    );
    expect(checkContent(site).problems.map(formatProblem)).toEqual([
      'content/profile.yaml: this file is a link to a file outside the content folder; copy the file in instead',
    ]);
  });

  it('refuses a dangling link and a loop where entries are, and follows a link inside content/', () => {
    const site = linkedProject({
      'gone.mdx': 'nothing-here.mdx',
      'loop-a.mdx': 'loop-b.mdx',
      'loop-b.mdx': 'loop-a.mdx',
      'pricing.mdx': path.join('..', 'shared', 'pricing.mdx'),
    });
    const report = checkContent(site);
    expect(report.problems.map(formatProblem)).toEqual([
      'content/case-studies/gone.mdx:1: this file is a link to a file that does not exist; copy the file in instead',
      'content/case-studies/loop-a.mdx:1: this file is a link that leads back to itself in a loop; copy the file in instead',
      'content/case-studies/loop-b.mdx:1: this file is a link that leads back to itself in a loop; copy the file in instead',
    ]);
    expect(report.caseStudies.map(({ slug }) => slug)).toEqual(['churn', 'pricing']);
  });
});
