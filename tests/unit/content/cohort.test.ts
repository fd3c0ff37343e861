import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAll } from '../../../src/content/check-all.ts';
import { planContent } from '../../../src/content/plan.ts';
import { writeModelCards } from '../../../src/model-card/write.ts';
import { formatFinding } from '../../../src/problems/problem.ts';
import { siteOptionsSchema } from '../../../src/schemas/site-options.ts';

const PROFILE = 'name: Ada Lovelace\nheadline: Data science intern\n';
const COHORT = 'name: Data Fellows 2026\ntracks: [Data Science, ML Engineering]\n';

function caseStudy(title = 'Predicting churn', extra = ''): string {
  return `---
title: ${title}
summary: A churn model lifted ROC AUC from 0.78 to 0.91.
organization: Acme
role: Data Science Intern
period: { start: 2025-06, end: 2025-08 }
dataset:
  name: Events
  access: internal
model: { name: Gradient-boosted trees, task: analytics }
metrics:
  - { name: ROC AUC, value: 0.91, baseline: 0.78 }
stakeholders:
  - role: Head of Retention
${extra}---

## Problem

Text.

## Approach

Text.

## Results

Text.

## Impact

Text.
`;
}

const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (paths relative to the project root) into a fresh temporary project. */
function project(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-cohort-'));
  temporaryDirs.push(root);
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(root, name);
    // A name ending in "/" is an empty folder.
    fs.mkdirSync(name.endsWith('/') ? full : path.dirname(full), { recursive: true });
    if (name.endsWith('/')) continue;
    fs.writeFileSync(full, text);
  }
  return {
    root,
    contentDir: path.join(root, 'content'),
    publicDir: path.join(root, 'public'),
  };
}

const options = siteOptionsSchema.parse({});

async function errorLines(files: Record<string, string>): Promise<string[]> {
  const { findings } = await checkAll(project(files), options);
  return findings.filter((finding) => finding.severity === 'error').map(formatFinding);
}

describe('a cohort', () => {
  it('checks each member as a portfolio of its own, problems naming the member', async () => {
    expect(
      await errorLines({
        'content/cohort.yaml': COHORT,
        'content/people/ada-lovelace/profile.yaml': PROFILE,
        'content/people/ada-lovelace/case-studies/churn.mdx': caseStudy(),
        // A member that is a whole Casefolio repository: its content/ is used.
        'content/people/grace-hopper/content/profile.yaml': 'name: Grace\nheadline: Intern\n',
        'content/people/grace-hopper/content/case-studies/churn/index.mdx': caseStudy(
          'Churn',
          'links: { repo: "ftp://example.com" }\n',
        ),
        'content/people/grace-hopper/README.md': 'The repository of Grace.',
      }),
    ).toEqual([
      'content/people/grace-hopper/content/case-studies/churn/index.mdx:15: links.repo: only https and http links are allowed, got "ftp://example.com"',
    ]);
  });

  it('lets two members use the same case-study slug', async () => {
    const { portfolios, findings } = await checkAll(
      project({
        'content/cohort.yaml': COHORT,
        'content/people/ada/profile.yaml': PROFILE,
        'content/people/ada/case-studies/churn.mdx': caseStudy(),
        'content/people/bea/profile.yaml': PROFILE,
        'content/people/bea/case-studies/churn.mdx': caseStudy(),
      }),
      options,
    );
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(
      portfolios.map(({ member, report }) => [member?.slug, report.caseStudies.length]),
    ).toEqual([
      ['ada', 1],
      ['bea', 1],
    ]);
  });

  it('keeps a member to their own folder: a path into another member is outside', async () => {
    const lines = await errorLines({
      'content/cohort.yaml': COHORT,
      'content/people/ada/profile.yaml': PROFILE,
      'content/people/ada/case-studies/churn.mdx': caseStudy(
        'Churn',
        'cover: { src: ../../bea/photo.png, alt: A photo }\n',
      ),
      'content/people/bea/profile.yaml': PROFILE,
    });
    expect(lines).toEqual([
      'content/people/ada/case-studies/churn.mdx:15: cover.src: path "../../bea/photo.png" leaves the content folder; keep files next to the case study',
    ]);
  });

  it("checks what a member publishes for GPS positions, not the rest of a member's repository", async () => {
    const gps = fs.readFileSync(path.join(process.cwd(), 'tests/fixtures/gps/content/avatar.jpg'));
    const location = project({
      'content/cohort.yaml': COHORT,
      'content/people/ada/profile.yaml': PROFILE,
      'content/people/bea/content/profile.yaml': PROFILE,
    });
    fs.writeFileSync(path.join(location.contentDir, 'people/ada/photo.jpg'), gps);
    // The repository's own site files, beside its content/: never published by the cohort.
    fs.mkdirSync(path.join(location.contentDir, 'people/bea/public'));
    fs.writeFileSync(path.join(location.contentDir, 'people/bea/public/photo.jpg'), gps);
    const { findings } = await checkAll(location, options);
    expect(
      findings
        .filter((finding) => finding.rule === 'image-location')
        .map((finding) => finding.file),
    ).toEqual(['content/people/ada/photo.jpg']);
  });

  it('says what a folder under people/ that is no member needs', async () => {
    expect(
      await errorLines({
        'content/cohort.yaml': COHORT,
        'content/people/ada/profile.yaml': PROFILE,
        'content/people/Bea Smith/profile.yaml': PROFILE,
        'content/people/empty-submodule/': '',
        'content/people/notes/todo.txt': 'x',
        'content/people/_old/stuff.txt': 'ignored',
      }),
    ).toEqual([
      'content/people/Bea Smith: invalid member name "Bea Smith": the folder\'s name is the member\'s URL; use lowercase letters, digits and single hyphens, such as "bea-smith"',
      'content/people/empty-submodule: empty member folder: if it is a git submodule, run "git submodule update --init"; otherwise add profile.yaml and case-studies/ (npm run new -- --member <name>)',
      'content/people/notes: not a member: a member folder holds profile.yaml and case-studies/, or is a Casefolio repository with content/profile.yaml; start its name with "_" to keep it out of the site',
    ]);
  });

  it('reports cohort.yaml against its schema, and a cohort with nobody in it', async () => {
    expect(
      await errorLines({
        'content/cohort.yaml': 'description: No name\nonMemberError: ignore\n',
      }),
    ).toEqual([
      'content/cohort.yaml:1: name: required field is missing (expected text)',
      'content/cohort.yaml:2: onMemberError: expected one of "fail" | "skip", got "ignore"',
      'content/people: no members yet: each intern is a folder here holding profile.yaml and case-studies/; add one with "npm run new -- --member <name>"',
    ]);
  });

  it("checks a member's track against the cohort's tracks", async () => {
    expect(
      await errorLines({
        'content/cohort.yaml': COHORT,
        'content/people/ada/profile.yaml': `${PROFILE}track: Data science\n`,
      }),
    ).toEqual([
      'content/people/ada/profile.yaml:3: track: "Data science" is not one of the cohort\'s tracks ("Data Science", "ML Engineering", in content/cohort.yaml); use one of them, or add it there',
    ]);
  });
});

describe("a cohort's plan", () => {
  const members = {
    'content/people/ada/profile.yaml': PROFILE,
    'content/people/ada/case-studies/churn.mdx': caseStudy(),
    'content/people/ada/case-studies/draft.mdx': caseStudy('Draft', 'draft: true\n'),
    'content/people/bea/content/profile.yaml': PROFILE,
    'content/people/bea/content/case-studies/churn/index.mdx': caseStudy(),
    'content/people/cyd/profile.yaml': PROFILE,
    'content/people/cyd/case-studies/broken.mdx': caseStudy('Broken', 'links: { repo: 3 }\n'),
  };

  it('stops the build on any member with a problem by default', async () => {
    const plan = await planContent(project({ 'content/cohort.yaml': COHORT, ...members }), {
      showDrafts: false,
      forBuild: true,
    });
    expect(plan.problems.map((problem) => problem.file)).toEqual([
      'content/people/cyd/case-studies/broken.mdx',
    ]);
    expect(plan.cards).toEqual([]);
  });

  it('leaves out members with problems under onMemberError: skip, and says why', async () => {
    const early: unknown[] = [];
    const location = project({
      'content/cohort.yaml': `${COHORT}onMemberError: skip\n`,
      ...members,
    });
    const plan = await planContent(location, { showDrafts: false, forBuild: true }, (files) =>
      early.push(files),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.cohort?.members).toEqual(['ada', 'bea']);
    expect(plan.cohort?.skipped).toEqual([
      {
        member: 'cyd',
        problems: [
          'content/people/cyd/case-studies/broken.mdx:15: links.repo: expected text, got 3',
        ],
      },
    ]);
    // Who is left out is known only at the end: nothing is loaded before.
    expect(early).toEqual([]);
    expect(plan.caseStudiesBase).toBe(path.join(location.contentDir, 'people'));
    expect(plan.caseStudyPatterns).toEqual(
      expect.arrayContaining(['*/case-studies/*.mdx', '!cyd/**', '!ada/case-studies/draft.mdx']),
    );
    expect(plan.profiles.map(({ id }) => id)).toEqual(['ada', 'bea']);
    expect(plan.cards.map((card) => card.path)).toEqual([
      'og/people/ada/case-studies/churn.png',
      'og/people/ada/home.png',
      'og/people/bea/case-studies/churn.png',
      'og/people/bea/home.png',
      'og/home.png',
    ]);
    expect(plan.searchRecords.map((record) => [record.url, record.filters?.['member']])).toEqual([
      ['/people/ada/', ['Ada Lovelace']],
      ['/people/ada/case-studies/churn/', ['Ada Lovelace']],
      ['/people/bea/', ['Ada Lovelace']],
      ['/people/bea/case-studies/churn/', ['Ada Lovelace']],
    ]);
  });

  it("writes each member's model cards with their name and the address of their page", async () => {
    const plan = await planContent(
      project({
        'content/cohort.yaml': COHORT,
        ...members,
        'content/people/cyd/case-studies/broken.mdx': caseStudy('Fixed'),
      }),
      { showDrafts: false, forBuild: true },
    );
    expect(plan.problems).toEqual([]);
    expect(plan.publishedStudies.map(({ member, slug }) => `${member}/${slug}`).sort()).toEqual([
      'ada/churn',
      'bea/churn',
      'cyd/broken',
    ]);
    const cards = writeModelCards(plan.publishedStudies, { site: 'https://x.org', base: '/' });
    for (const member of ['ada', 'bea']) {
      const card = cards.find(
        ({ path }) => path === `people/${member}/case-studies/churn/model-card.md`,
      );
      expect(card?.markdown, member).toContain(
        `https://x.org/people/${member}/case-studies/churn/`,
      );
    }
  });

  it('names the files to load early when no member can be left out', async () => {
    const early: { caseStudyPatterns: string[] }[] = [];
    const plan = await planContent(
      project({ 'content/cohort.yaml': COHORT, ...members }),
      { showDrafts: false, forBuild: true },
      (files) => early.push(files),
    );
    expect(early.map((files) => files.caseStudyPatterns)).toEqual([plan.caseStudyPatterns]);
  });
});
