import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/content/check.ts';
import { lintContent, type Finding } from '../../../src/content/lints.ts';
import { siteOptionsSchema, type SiteOptions } from '../../../src/schemas/site-options.ts';

const PROFILE = 'name: Ada Lovelace\nheadline: Data science intern\n';

const SECTIONS = `## Problem

Agents could not tell who was about to leave.

## Approach

Gradient-boosted trees.

## Results

Recall rose from 0.61 to 0.82.

## Impact

The retention team calls the right people.
`;

interface StudyParts {
  /** Replaces the dataset line. */
  dataset?: string;
  /** Replaces the metrics list (the lines after `metrics:`). */
  metrics?: string;
  summary?: string;
  /** Extra frontmatter lines. */
  extra?: string;
  /** The body; all four sections by default. */
  body?: string;
  /** Replaces the line after `extra` (`responsible:` with limitations); "" leaves it blank. */
  responsible?: string;
}

/**
 * A valid case study: 14 frontmatter lines (line 1 is the opening `---`, line
 * 13 its `responsible:` limitations, after any `extra` lines), a blank line 15,
 * and the body from line 16.
 */
function study(parts: StudyParts = {}): string {
  return `---
title: Predicting churn
summary: ${parts.summary ?? 'A churn model lifted recall from 0.61 to 0.82.'}
organization: Acme
role: Data Science Intern
period: { start: 2025-06, end: 2025-08 }
dataset: ${parts.dataset ?? '{ name: Events }'}
model: { name: Gradient-boosted trees, task: classification }
metrics:
${parts.metrics ?? '  - { name: Recall, value: 0.82, baseline: 0.61 }'}
stakeholders:
  - { role: Head of Retention }
${parts.extra ?? ''}${parts.responsible ?? 'responsible: { limitations: [Untested on business customers.] }'}
---

${parts.body ?? SECTIONS}`;
}

const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a project (paths under content/case-studies/) and lints it. */
function lint(files: Record<string, string>, options: SiteOptions = {}, site?: string): Finding[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-lints-'));
  temporaryDirs.push(root);
  const all: Record<string, string> = { 'content/profile.yaml': PROFILE };
  for (const [name, text] of Object.entries(files)) {
    // `../name` is a file beside case-studies/ (profile.yaml and what it names).
    all[name.startsWith('../') ? `content/${name.slice(3)}` : `content/case-studies/${name}`] =
      text;
  }
  for (const [name, text] of Object.entries(all)) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  const report = checkContent({ root, contentDir: path.join(root, 'content') });
  return lintContent(report, { ...siteOptionsSchema.parse(options), site });
}

/** `rule line: message` for compact comparisons. */
function brief(findings: Finding[]): string[] {
  return findings.map(
    (finding) =>
      `${finding.rule}${finding.line === undefined ? '' : ` ${finding.line}`}: ${finding.message}`,
  );
}

const ofRule = (rule: string, findings: Finding[]) =>
  findings.filter((finding) => finding.rule === rule);

describe('lintContent on a complete case study', () => {
  it('finds nothing', () => {
    expect(lint({ 'churn.mdx': study() })).toEqual([]);
  });

  it('lints a metrics list holding an empty item without throwing', () => {
    const findings = lint({ 'churn/index.mdx': study({ metrics: '  - null' }) });
    expect(ofRule('baseline', findings)).toEqual([]);
  });

  it('skips a case study whose frontmatter could not be read', () => {
    expect(lint({ 'broken.mdx': 'No frontmatter at all.\n' })).toEqual([]);
  });

  it('gives every finding the file as the project shows it', () => {
    const findings = lint({ 'churn/index.mdx': study({ body: '## Problem\n' }) });
    expect(findings.map((finding) => finding.file)).toEqual([
      'content/case-studies/churn/index.mdx',
    ]);
  });
});

describe('sections', () => {
  it('names every missing section at the first body line, as one error', () => {
    const findings = lint({ 'churn.mdx': study({ body: '## Problem\n\nText.\n\n## Results\n' }) });
    expect(findings).toEqual([
      {
        file: 'content/case-studies/churn.mdx',
        line: 15,
        severity: 'error',
        rule: 'sections',
        message:
          'missing sections "## Approach", "## Impact" (every case study has Problem, Approach, Results, Impact)',
      },
    ]);
  });

  it('says "section" for one', () => {
    const body = SECTIONS.replace('## Impact', 'Impact');
    expect(brief(lint({ 'churn.mdx': study({ body }) }))).toEqual([
      'sections 15: missing section "## Impact" (every case study has Problem, Approach, Results, Impact)',
    ]);
  });

  it('matches headings without regard to case, emphasis or level', () => {
    const body = '## problem\n\n### *Approach*\n\n# RESULTS\n\n## Impact\n';
    expect(lint({ 'churn.mdx': study({ body }) })).toEqual([]);
  });

  it('does not count a heading that only starts with the section name', () => {
    const body = SECTIONS.replace('## Results', '## Results and discussion');
    expect(brief(lint({ 'churn.mdx': study({ body }) }))).toEqual([
      'sections 15: missing section "## Results" (every case study has Problem, Approach, Results, Impact)',
    ]);
  });

  it('does not count a heading inside a code block', () => {
    const body = SECTIONS.replace('## Impact', '```md\n## Impact\n```');
    expect(ofRule('sections', lint({ 'churn.mdx': study({ body }) }))).toHaveLength(1);
  });

  it('uses the sections of the site options', () => {
    const files = { 'churn.mdx': study({ body: '## Context\n\n## Problem\n' }) };
    expect(brief(lint(files, { sections: ['Context', 'Problem', 'Lessons'] }))).toEqual([
      'sections 15: missing section "## Lessons" (every case study has Context, Problem, Lessons)',
    ]);
    expect(lint(files, { sections: [] })).toEqual([]);
  });

  it('is left out when the body is not valid MDX (the build reports the syntax)', () => {
    const findings = lint({
      'churn.mdx': study({ body: '## Problem\n\n<Chart data={[1, 2)} />\n' }),
    });
    expect(ofRule('sections', findings)).toEqual([]);
  });
});

describe('image-alt', () => {
  const files = (body: string) => ({
    'churn/index.mdx': study({ body: `${SECTIONS}\n${body}` }),
    'churn/a.png': 'png',
  });

  it('flags a Markdown image with empty or blank alt text, at its line', () => {
    const findings = lint(files('![](./a.png)\n\n![   ](./a.png)\n\n![A plot](./a.png)\n'));
    expect(brief(findings)).toEqual([
      'image-alt 32: image ./a.png has no alt text: write ![what it shows](./a.png)',
      'image-alt 34: image ./a.png has no alt text: write ![what it shows](./a.png)',
    ]);
    expect(findings.every((finding) => finding.severity === 'error')).toBe(true);
  });

  it('flags an <img> without alt and accepts one with alt text', () => {
    const findings = lint(
      files(
        '<img src="./a.png" />\n\n<img src="./a.png" alt="A plot" />\n\n<img src="./a.png" alt={"A plot"} />\n',
      ),
    );
    expect(brief(findings)).toEqual([
      'image-alt 32: <img> has no alt text: add alt="what it shows"',
    ]);
  });

  // An alt written as code (`alt={caption}`) is DYNAMIC to the scanner, but it is there.
  it('leaves an alt written as an expression to the render', () => {
    const findings = lint(
      files('export const caption = "A plot";\n\n<img src="./a.png" alt={caption} />\n'),
    );
    expect(ofRule('image-alt', findings)).toEqual([]);
  });

  it('does not treat a <Figure> as an <img> (its alt is checked by the build)', () => {
    const findings = lint(files('<Figure src="./a.png" alt="A plot" />\n'));
    expect(findings).toEqual([]);
  });
});

describe('baseline', () => {
  it('warns for every metric without a baseline, at the metric', () => {
    const metrics = [
      '  - { name: Recall, value: 0.82, baseline: 0.61 }',
      '  - { name: Precision, value: 0.74 }',
      '  - name: F1',
      '    value: 0.78',
    ].join('\n');
    const findings = lint({ 'churn.mdx': study({ metrics }) });
    expect(findings).toEqual([
      {
        file: 'content/case-studies/churn.mdx',
        line: 11,
        severity: 'warning',
        rule: 'baseline',
        message:
          'metrics[1] (Precision) has no baseline: a result reads better against what it replaced',
      },
      {
        file: 'content/case-studies/churn.mdx',
        line: 12,
        severity: 'warning',
        rule: 'baseline',
        message: 'metrics[2] (F1) has no baseline: a result reads better against what it replaced',
      },
    ]);
  });

  it('counts a baseline of 0 as a baseline', () => {
    const metrics = '  - { name: Incidents, value: 3, baseline: 0, goal: lower }';
    expect(lint({ 'churn.mdx': study({ metrics }) })).toEqual([]);
  });
});

describe('summary-length', () => {
  const summary = (length: number) => `${'x'.repeat(length - 1)}.`;

  it('warns above the card length (200 by default), at the summary', () => {
    expect(lint({ 'churn.mdx': study({ summary: summary(200) }) })).toEqual([]);
    expect(lint({ 'churn.mdx': study({ summary: summary(201) }) })).toEqual([
      {
        file: 'content/case-studies/churn.mdx',
        line: 3,
        severity: 'warning',
        rule: 'summary-length',
        message: 'summary is 201 characters; cards show about 200, so lead with the result',
      },
    ]);
  });

  it('uses cardSummaryLength from the site options', () => {
    expect(
      brief(lint({ 'churn.mdx': study({ summary: summary(120) }) }, { cardSummaryLength: 100 })),
    ).toEqual([
      'summary-length 3: summary is 120 characters; cards show about 100, so lead with the result',
    ]);
  });
});

describe('chart-size', () => {
  /** A CSV of `columns` numeric columns beside an epoch column, `rows` rows. */
  const csv = (columns: number, rows: number) =>
    [
      ['epoch', ...Array.from({ length: columns }, (_, c) => `m${c}`)].join(','),
      ...Array.from({ length: rows }, (_, r) =>
        [r, ...Array.from({ length: columns }, (_, c) => (r + c) / 10)].join(','),
      ),
    ].join('\n');
  const withChart = (columns: number) => ({
    'churn/index.mdx': study({
      body: `${SECTIONS}\n<Chart src="./all.csv" title="Everything" />\n`,
    }),
    'churn/all.csv': csv(columns, 50),
  });

  it('warns at the chart when it plots more points than a page draws, and names the way out', () => {
    expect(ofRule('chart-size', lint(withChart(240)))).toEqual([]);
    expect(brief(ofRule('chart-size', lint(withChart(241))))).toEqual([
      'chart-size 32: <Chart> plots 12,050 points in 241 series, more than a page draws (12,000): the page shows its data table instead; name the columns to plot with y',
    ]);
    expect(ofRule('chart-size', lint(withChart(241)))[0]?.severity).toBe('warning');
  });
});

describe('case-study-link', () => {
  const withLinks = (...urls: string[]) => ({
    'churn.mdx': study({
      body: `${SECTIONS}\n${urls.map((url, index) => `[link ${index}](${url})`).join('\n\n')}\n`,
    }),
    'pricing/index.mdx': study(),
  });

  it('accepts links to case studies that exist, in either file form', () => {
    const findings = lint(
      withLinks(
        '/case-studies/churn/',
        '/case-studies/pricing/',
        '/case-studies/pricing',
        '/case-studies/pricing/#results',
        '/case-studies/pricing/?from=churn',
        '/portfolio/case-studies/pricing/',
      ),
    );
    expect(findings).toEqual([]);
  });

  it('flags links to slugs that do not exist, at the link', () => {
    const findings = lint(
      withLinks('/case-studies/no-such-study/', '/portfolio/case-studies/gone#results'),
    );
    expect(brief(findings)).toEqual([
      'case-study-link 32: link to a case study that does not exist: /case-studies/no-such-study/',
      'case-study-link 34: link to a case study that does not exist: /portfolio/case-studies/gone#results',
    ]);
    expect(findings.every((finding) => finding.severity === 'error')).toBe(true);
  });

  it('leaves links to other sites and other pages alone', () => {
    const findings = lint(
      withLinks(
        'https://example.com/case-studies/no-such-study/',
        'mailto:ada@example.com',
        '/case-studies/',
        '/tags/churn/',
        '#results',
      ),
    );
    expect(findings).toEqual([]);
  });
});

describe('unused-file', () => {
  const warnings = (findings: Finding[]) =>
    ofRule('unused-file', findings).map((finding) => finding.message.split(' ')[0]);

  it('warns once per file nothing refers to, without a line', () => {
    const findings = lint({
      'churn/index.mdx': study(),
      'churn/notes.csv': 'a\n1\n',
      'churn/old/plot.png': 'png',
    });
    expect(ofRule('unused-file', findings)).toEqual([
      {
        file: 'content/case-studies/churn/index.mdx',
        severity: 'warning',
        rule: 'unused-file',
        message:
          'notes.csv is not used by this case study; remove it or prefix it with _ to keep it as a note',
      },
      {
        file: 'content/case-studies/churn/index.mdx',
        severity: 'warning',
        rule: 'unused-file',
        message:
          'old/plot.png is not used by this case study; remove it or prefix it with _ to keep it as a note',
      },
    ]);
  });

  it('counts the cover, metric files, components, images and links as uses', () => {
    const body = `${SECTIONS}
<Chart src="./history.csv" title="Loss" />

<ConfusionMatrix src="./cm.json" />

<Figure src="./figures/importance.png" alt="Feature importance" />

![A plot](./plot.png)

The [raw table](./table.csv).
`;
    const findings = lint({
      'churn/index.mdx': study({
        body,
        metrics: '  - { name: Accuracy, from: ./report.json, key: accuracy, baseline: 0.5 }',
        extra: 'cover: { src: ./cover.png, alt: A chart }\n',
      }),
      'churn/history.csv': 'epoch,loss\n1,0.5\n2,0.4\n',
      'churn/cm.json': '[[5, 1], [2, 7]]',
      'churn/figures/importance.png': 'png',
      'churn/plot.png': 'png',
      'churn/table.csv': 'a\n1\n',
      'churn/report.json': '{ "accuracy": 0.9 }',
      'churn/cover.png': 'png',
    });
    expect(findings).toEqual([]);
  });

  it('ignores files and folders starting with _ or .', () => {
    const findings = lint({
      'churn/index.mdx': study(),
      'churn/_scratch.csv': 'a\n1\n',
      'churn/_drafts/plot.png': 'png',
      'churn/.DS_Store': '',
    });
    expect(findings).toEqual([]);
  });

  it('does not look beside a single-file case study', () => {
    expect(lint({ 'churn.mdx': study(), 'notes.csv': 'a\n1\n' })).toEqual([]);
  });

  it('lists each unused file by its path inside the folder', () => {
    const findings = lint({
      'churn/index.mdx': study({
        body: `${SECTIONS}\n<Chart src="./data/history.csv" title="Loss" />\n`,
      }),
      'churn/data/history.csv': 'epoch,loss\n1,0.5\n2,0.4\n',
      'churn/data/unused.csv': 'a\n1\n',
    });
    expect(warnings(findings)).toEqual(['data/unused.csv']);
  });

  // Without a parsed body nothing is known to be used; the syntax error is reported instead.
  it('says nothing about files when the body could not be read', () => {
    const findings = lint({
      'churn/index.mdx': study({
        body: `${SECTIONS}\n<Chart src="./history.csv" title={["Loss")} />\n`,
      }),
      'churn/history.csv': 'epoch,loss\n1,0.5\n2,0.4\n',
    });
    expect(warnings(findings)).toEqual([]);
  });
});

describe('private-info', () => {
  const confidential = (body: string, options: SiteOptions = {}) =>
    lint(
      { 'churn.mdx': study({ dataset: '{ name: Events, access: confidential }', body }) },
      options,
    );

  it('flags email addresses, phone numbers and internal hosts with the file line', () => {
    const body = `${SECTIONS}
Ask maria.lopez@acme-telecom.com about it.
Call +1 415 555 0134 or (415) 555-0134 or 415.555.0134.
Data from db01.analytics.internal, ci.build.corp and printer.local.
`;
    expect(brief(confidential(body))).toEqual([
      'private-info 32: an email address (maria.lopez@acme-telecom.com) in a case study whose dataset is confidential; remove it before publishing',
      'private-info 33: a phone number (+1 415 555 0134) in a case study whose dataset is confidential; remove it before publishing',
      'private-info 33: a phone number ((415) 555-0134) in a case study whose dataset is confidential; remove it before publishing',
      'private-info 33: a phone number (415.555.0134) in a case study whose dataset is confidential; remove it before publishing',
      'private-info 34: an internal host name (db01.analytics.internal) in a case study whose dataset is confidential; remove it before publishing',
      'private-info 34: an internal host name (ci.build.corp) in a case study whose dataset is confidential; remove it before publishing',
      'private-info 34: an internal host name (printer.local) in a case study whose dataset is confidential; remove it before publishing',
    ]);
  });

  it('does not flag dates, figures, versions, decimals or public URLs', () => {
    const body = `${SECTIONS}
From 2024-01-15 to 2024-03-31 (2024-01-15T10:30:00Z), 1,200,000 rows and 1 200 000 events.
Built with chart.js 4.6.1, Python 3.12.4 and pandas 2.2.3; recall 0.612 -> 0.824.
See https://example.com/report and https://docs.example.org/v2/index.html.
Revenue rose 12.5% (p = 0.003) over 365 days; id 873451918523740582.
`;
    expect(confidential(body)).toEqual([]);
  });

  it('does not take words that only start like a suffix for hosts', () => {
    const body = `${SECTIONS}
See acme.corporate.com, a localhost server, the internal.example.com wiki and our internal data.
`;
    expect(confidential(body)).toEqual([]);
  });

  it('reports an address at an internal host once, as an email address', () => {
    const body = `${SECTIONS}\nWrite to ops@db01.corp.\n`;
    expect(brief(confidential(body))).toEqual([
      'private-info 32: an email address (ops@db01.corp) in a case study whose dataset is confidential; remove it before publishing',
    ]);
  });
  it('does not take an image named like plot@2x.png for an email address', () => {
    const findings = lint({
      'churn/index.mdx': study({
        dataset: '{ name: Events, access: confidential }',
        body: `${SECTIONS}\n![Recall by week](./plot@2x.png)\n`,
      }),
      'churn/plot@2x.png': 'png',
    });
    expect(findings).toEqual([]);
  });

  it('checks the frontmatter too', () => {
    const findings = lint({
      'churn.mdx': study({
        dataset: '{ name: Events, source: warehouse.corp, access: confidential }',
      }),
    });
    expect(brief(findings)).toEqual([
      'private-info 7: an internal host name (warehouse.corp) in a case study whose dataset is confidential; remove it before publishing',
    ]);
  });

  it('says nothing when the dataset is public, internal or has no access', () => {
    const body = `${SECTIONS}\nmaria@acme.com, +1 415 555 0134, db01.analytics.internal\n`;
    for (const dataset of [
      '{ name: Events, access: public }',
      '{ name: Events, access: internal }',
      '{ name: Events }',
    ]) {
      expect(lint({ 'churn.mdx': study({ dataset, body }) })).toEqual([]);
    }
    expect(ofRule('private-info', confidential(body))).toHaveLength(3);
  });

  it('uses the host suffixes of the site options', () => {
    const body = `${SECTIONS}\nnas01.home.lan and db01.analytics.internal\n`;
    expect(brief(confidential(body, { privateHostSuffixes: ['.lan'] }))).toEqual([
      'private-info 32: an internal host name (nas01.home.lan) in a case study whose dataset is confidential; remove it before publishing',
    ]);
    expect(brief(confidential(body, { privateHostSuffixes: ['lan', 'corp.example.com'] }))).toEqual(
      [
        'private-info 32: an internal host name (nas01.home.lan) in a case study whose dataset is confidential; remove it before publishing',
      ],
    );
  });

  // An empty pattern list would otherwise match every dotted word (`example.com`, `4.6.1`).
  it('flags no host names when the suffix list is empty', () => {
    const body = `${SECTIONS}\nSee https://example.com, chart.js 4.6.1 and db01.analytics.internal.\n`;
    expect(confidential(body, { privateHostSuffixes: [] })).toEqual([]);
  });
});

describe('case-study links and private information beyond the basics', () => {
  it('flags a link from a published case study to a draft, and relative and <a> links', () => {
    const body = `${SECTIONS}
See [the draft](/case-studies/draft-study/), [a sibling](../churn/), [nowhere](../nowhere/) and
<a href="/case-studies/missing/">an anchor</a>.
`;
    const findings = ofRule(
      'case-study-link',
      lint({
        'churn.mdx': study(),
        'draft-study.mdx': study({ extra: 'draft: true\n' }),
        'linker.mdx': study({ body }),
      }),
    );
    expect(brief(findings)).toEqual([
      'case-study-link 32: link to the draft "draft-study", which is not published: /case-studies/draft-study/; publish it (draft: false) or remove the link',
      'case-study-link 32: link to a case study that does not exist: ../nowhere/',
      'case-study-link 33: link to a case study that does not exist: /case-studies/missing/',
    ]);
  });

  it('flags a draft reached by a reference definition, a deeper path or a relative URL', () => {
    const body = `${SECTIONS}
See [the draft][d] (by its definition below), [its data](/case-studies/draft-study/data.csv) and
[from the case-studies folder](../../case-studies/draft-study/#results).

[d]: /portfolio/case-studies/draft-study/
`;
    const findings = ofRule(
      'case-study-link',
      lint({
        'draft-study.mdx': study({ extra: 'draft: true\n' }),
        'linker.mdx': study({ body }),
      }),
    );
    expect(findings.map(({ line, message }) => `${line}: ${message.split(',')[0]}`)).toEqual([
      '32: link to the draft "draft-study"',
      '33: link to the draft "draft-study"',
      '35: link to the draft "draft-study"',
    ]);
  });

  it('flags every file of a draft a published case study reads, naming the draft', () => {
    const body = `import rows from '../secret/rows.json'

<Chart src="../secret/data.csv" x="a" y="b" title="T" />

![plot](../secret/plot.png)

<Figure src="../secret-file.mdx" alt="x" />

${SECTIONS}`;
    const draft = study({ extra: 'draft: true\n' });
    const findings = ofRule(
      'draft-file',
      lint({
        'secret/index.mdx': draft,
        'secret/rows.json': '[]',
        'secret/data.csv': 'a,b\n1,2\n',
        'secret/plot.png': '',
        'secret/report.json': '{"accuracy": 0.9}',
        'secret-file.mdx': draft,
        'reader/index.mdx': study({
          metrics:
            '  - { name: Accuracy, from: ../secret/report.json, key: accuracy, baseline: 0.5 }',
          extra: 'cover: { src: ../secret/plot.png, alt: A plot }\n',
          body,
        }),
        // A draft may read another draft's files.
        'other-draft/index.mdx': study({
          extra: 'draft: true\ncover: { src: ../secret/plot.png, alt: A plot }\n',
          body,
        }),
      }),
    );
    const fix =
      "which is not published; copy it into this case study's folder, or publish the draft";
    const byLine = [...findings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    expect(brief(byLine)).toEqual([
      `draft-file 10: metrics[0].from: "../secret/report.json" is a file of the draft "secret", ${fix}`,
      `draft-file 13: cover.src: "../secret/plot.png" is a file of the draft "secret", ${fix}`,
      `draft-file 17: import: "../secret/rows.json" is a file of the draft "secret", ${fix}`,
      `draft-file 19: <Chart> src: "../secret/data.csv" is a file of the draft "secret", ${fix}`,
      `draft-file 21: image: "../secret/plot.png" is a file of the draft "secret", ${fix}`,
      `draft-file 23: <Figure> src: "../secret-file.mdx" is a file of the draft "secret-file", ${fix}`,
    ]);
  });

  it("flags a profile avatar or résumé kept in a draft's folder, naming the draft", () => {
    const findings = ofRule(
      'draft-file',
      lint({
        '../profile.yaml': `${PROFILE}avatar: ./case-studies/secret/me.png\nresume: case-studies/secret/cv.pdf\n`,
        'secret/index.mdx': study({ extra: 'draft: true\n' }),
        'secret/me.png': '',
        'secret/cv.pdf': '%PDF-1.4',
      }),
    );
    const fix = 'which is not published; copy it next to profile.yaml, or publish the draft';
    expect(brief(findings)).toEqual([
      `draft-file 3: avatar: "./case-studies/secret/me.png" is a file of the draft "secret", ${fix}`,
      `draft-file 4: resume: "case-studies/secret/cv.pdf" is a file of the draft "secret", ${fix}`,
    ]);
    expect(findings.every((finding) => finding.file === 'content/profile.yaml')).toBe(true);
  });

  it("checks a link written as the site's own full address like a path", () => {
    const body = `${SECTIONS}
[a](https://ada.github.io/portfolio/case-studies/draft-study/)
[b](https://ada.github.io/portfolio/case-studies/gone/#results)
[c](https://elsewhere.example/case-studies/draft-study/)
[d](http://ada.github.io/portfolio/case-studies/gone/)
`;
    const files = {
      'draft-study.mdx': study({ extra: 'draft: true\n' }),
      'linker.mdx': study({ body }),
    };
    const lines = (site?: string) =>
      ofRule('case-study-link', lint(files, {}, site)).map(({ message }) => message);
    expect(lines('https://ada.github.io/portfolio/')).toEqual([
      'link to the draft "draft-study", which is not published: https://ada.github.io/portfolio/case-studies/draft-study/; publish it (draft: false) or remove the link',
      'link to a case study that does not exist: https://ada.github.io/portfolio/case-studies/gone/#results',
    ]);
    // Without a site, or on another site or scheme, a full address is someone else's page.
    expect(lines()).toEqual([]);
  });

  it('lets a draft link to another draft', () => {
    const body = `${SECTIONS}\nSee [the other draft](/case-studies/draft-a/).\n`;
    const findings = lint({
      'draft-a.mdx': study({ extra: 'draft: true\n' }),
      'draft-b.mdx': study({ extra: 'draft: true\n', body }),
    });
    expect(ofRule('case-study-link', findings)).toEqual([]);
  });

  it('flags international and national phone formats in confidential work', () => {
    const body = `${SECTIONS}\nCall +44 20 7946 0958 or 020 7946 0958; not 2024-01-15 or 1,200,000.\n`;
    const findings = ofRule(
      'private-info',
      lint({ 'churn.mdx': study({ dataset: '{ name: Events, access: confidential }', body }) }),
    );
    expect(findings.map((finding) => finding.message.split(' in a case study')[0])).toEqual([
      'a phone number (+44 20 7946 0958)',
      'a phone number (020 7946 0958)',
    ]);
  });
});

describe('repeated-label', () => {
  it('warns at each tag or skill that repeats an earlier one, naming the spelling kept', () => {
    const findings = lint({
      'churn.mdx': study({
        extra: 'tags: [Churn, churn]\nskills:\n  - python\n  - SQL\n  - Python\n',
      }),
    });
    expect(findings).toEqual([
      {
        file: 'content/case-studies/churn.mdx',
        line: 13,
        field: 'tags[1]',
        severity: 'warning',
        rule: 'repeated-label',
        message:
          '"churn" is the same tag as "Churn" (tags[0]), so it is shown once, as "Churn"; remove one of them',
      },
      {
        file: 'content/case-studies/churn.mdx',
        line: 17,
        field: 'skills[2]',
        severity: 'warning',
        rule: 'repeated-label',
        message:
          '"Python" is the same skill as "python" (skills[0]), so it is shown once, as "python"; remove one of them',
      },
    ]);
  });

  it('leaves distinct labels alone', () => {
    const extra = 'tags: [churn, retention]\nskills: [C++, C#, C]\n';
    expect(ofRule('repeated-label', lint({ 'churn.mdx': study({ extra }) }))).toEqual([]);
  });
});

describe('limitations', () => {
  const LIMITATIONS =
    'add where it is known to do badly or was not tested (a rare class, a group with little data, traffic after the training period), as responsible.limitations: [...]';

  it('warns at model.task for a classification or regression model without responsible.limitations', () => {
    const classification = lint({ 'churn.mdx': study({ responsible: '' }) });
    expect(ofRule('limitations', classification)).toEqual([
      {
        file: 'content/case-studies/churn.mdx',
        line: 8,
        severity: 'warning',
        rule: 'limitations',
        message: `a classification model without responsible.limitations: ${LIMITATIONS}`,
      },
    ]);
    const regression = study({
      responsible: 'responsible: { intendedUse: Forecast demand. }',
    }).replace('task: classification', 'task: regression');
    expect(brief(ofRule('limitations', lint({ 'demand.mdx': regression })))).toEqual([
      `limitations 8: a regression model without responsible.limitations: ${LIMITATIONS}`,
    ]);
  });

  it('says nothing with limitations, or for other tasks', () => {
    expect(ofRule('limitations', lint({ 'churn.mdx': study() }))).toEqual([]);
    const analytics = study({ responsible: '' }).replace('task: classification', 'task: analytics');
    expect(ofRule('limitations', lint({ 'dashboard.mdx': analytics }))).toEqual([]);
  });
});

describe('responsible ML fields and the fairness file', () => {
  const FAIRNESS = (from: string) =>
    `responsible:\n  limitations: [Few business customers.]\n  fairness: { attribute: segment, from: ${from}, metrics: [recall] }`;

  it('counts the fairness file as used', () => {
    const findings = lint({
      'churn/index.mdx': study({ responsible: FAIRNESS('./by_group.csv') }),
      'churn/by_group.csv': 'segment,recall,count\nconsumer,0.8,900\nbusiness,0.6,40\n',
    });
    expect(findings).toEqual([]);
  });

  it("flags a fairness file kept in a draft's folder", () => {
    const findings = lint({
      'churn.mdx': study({ responsible: FAIRNESS('./secret/by_group.csv') }),
      'secret/index.mdx': study({ extra: 'draft: true\n' }),
      'secret/by_group.csv': 'segment,recall\nconsumer,0.8\nbusiness,0.6\n',
    });
    expect(brief(ofRule('draft-file', findings))).toEqual([
      'draft-file 15: responsible.fairness.from: "./secret/by_group.csv" is a file of the draft "secret", which is not published; copy it into this case study\'s folder, or publish the draft',
    ]);
  });

  it('looks for private details in responsible and dataset.quality when the dataset is confidential', () => {
    const dataset =
      '{ name: Events, access: confidential, quality: { missing: "rows from etl01.warehouse.internal were blank" } }';
    const responsible =
      'responsible: { limitations: [Ask maria.lopez@acme-telecom.com for the rare cases.] }';
    const findings = lint({ 'churn.mdx': study({ dataset, responsible }) });
    expect(brief(ofRule('private-info', findings))).toEqual([
      'private-info 7: an internal host name (etl01.warehouse.internal) in a case study whose dataset is confidential; remove it before publishing',
      'private-info 13: an email address (maria.lopez@acme-telecom.com) in a case study whose dataset is confidential; remove it before publishing',
    ]);
  });

  it("looks for private details in the fairness file's group names, which the page publishes", () => {
    const findings = lint({
      'churn/index.mdx': study({
        dataset: '{ name: Events, access: confidential }',
        responsible: FAIRNESS('./by_group.csv'),
      }),
      'churn/by_group.csv': 'segment,recall\nconsumer,0.8\nops@db01.corp,0.6\n',
    });
    expect(ofRule('private-info', findings)).toEqual([
      {
        file: 'content/case-studies/churn/index.mdx',
        line: 15,
        field: 'responsible.fairness.from',
        severity: 'error',
        rule: 'private-info',
        message:
          './by_group.csv: group "ops@db01.corp": an email address (ops@db01.corp), in a case study whose dataset is confidential; rename the group in the file before publishing',
      },
    ]);
  });
});

describe('fairness', () => {
  const fairness = (metrics: string) =>
    `responsible:\n  limitations: [Few business customers.]\n  fairness:\n    attribute: segment\n    from: ./by_group.csv\n    metrics: ${metrics}`;
  const COUNTED =
    'segment,recall,false_positive_rate,count\nconsumer,0.8,0.02,900\nbusiness,0.6,0.05,40\n';

  it('warns at the metric when an error rate is left at the default goal, where the gap would name the best group as the worst', () => {
    const findings = lint({
      'churn/index.mdx': study({ responsible: fairness('[recall, false_positive_rate]') }),
      'churn/by_group.csv': COUNTED,
    });
    expect(ofRule('fairness', findings)).toEqual([
      {
        file: 'content/case-studies/churn/index.mdx',
        line: 18,
        field: 'responsible.fairness.metrics[1]',
        severity: 'warning',
        rule: 'fairness',
        message:
          '"false_positive_rate" reads as a metric where lower is better, but without a goal it counts higher as better, so the gap would name the best group as the worst; write { name: false_positive_rate, goal: lower } (or goal: higher if higher is better)',
      },
    ]);
  });

  it('says nothing when the goal is written, either way', () => {
    for (const goal of ['lower', 'higher']) {
      const findings = lint({
        'churn/index.mdx': study({
          responsible: fairness(`[recall, { name: false_positive_rate, goal: ${goal} }]`),
        }),
        'churn/by_group.csv': COUNTED,
      });
      expect(ofRule('fairness', findings)).toEqual([]);
    }
  });

  it('warns at from when the file has no count column, so no group can be flagged too small', () => {
    const findings = lint({
      'churn/index.mdx': study({ responsible: fairness('[recall]') }),
      'churn/by_group.csv': 'segment,recall\nconsumer,0.8\nbusiness,0.6\n',
    });
    expect(brief(ofRule('fairness', findings))).toEqual([
      "fairness 17: ./by_group.csv has no count column, so a group with too few examples to read cannot be flagged, and may be named as the worst; add fairlearn's count to the MetricFrame's metrics (from fairlearn.metrics import count)",
    ]);
  });
});
