import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPublications, paperProblem } from '../../../src/content/publications.ts';
import { formatProblem } from '../../../src/problems/problem.ts';
import { publicationSchema } from '../../../src/schemas/publication.ts';

let root: string;
let contentDir: string;
const display = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'casefolio-publications-'));
  contentDir = path.join(root, 'content');
  mkdirSync(contentDir);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const ENTRY = '@article{one, author = {Lovelace, Ada}, title = {One}, year = 2025}\n';

describe('checkPublications', () => {
  it('has none, and no problem, without a .bib file or profile entries', () => {
    expect(checkPublications(contentDir, display, undefined)).toEqual({
      publications: [],
      problems: [],
    });
  });

  it('refuses a file over 1 MB before reading it', () => {
    writeFileSync(path.join(contentDir, 'publications.bib'), ENTRY.repeat(20_000));
    const checked = checkPublications(contentDir, display, undefined);
    expect(checked.publications).toEqual([]);
    expect(checked.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/publications\.bib: this file is 1\.\d\d MB, over the 1 MB limit for publications\.bib; export only your own publications/,
      ),
    ]);
  });

  it.each([
    [
      'UTF-16',
      Buffer.from(`\uFEFF${ENTRY}`, 'utf16le'),
      'this file is saved as UTF-16 text; save it again as UTF-8',
    ],
    [
      'Latin-1',
      Buffer.from(ENTRY.replace('Ada', 'Adä'), 'latin1'),
      'this file is not UTF-8 text (an accented letter saved as Latin-1 is the usual cause); save it again as UTF-8',
    ],
    [
      'NUL bytes',
      Buffer.from(ENTRY.replace('One', 'O\u0000ne')),
      'this file holds NUL bytes, which BibTeX never has; export it again',
    ],
  ])('refuses a file saved as %s, saying how to save it', (_, bytes, message) => {
    writeFileSync(path.join(contentDir, 'publications.bib'), bytes);
    const checked = checkPublications(contentDir, display, undefined);
    expect(checked.publications).toEqual([]);
    expect(checked.problems.map(formatProblem)).toEqual([
      expect.stringContaining(`content/publications.bib: ${message}`),
    ]);
  });

  it('reads a UTF-8 file with a byte-order mark', () => {
    writeFileSync(
      path.join(contentDir, 'publications.bib'),
      `\uFEFF${ENTRY.replace('Ada', 'Adä')}`,
    );
    const checked = checkPublications(contentDir, display, undefined);
    expect(checked.problems).toEqual([]);
    expect(checked.publications[0]?.authors[0]?.name).toBe('Adä Lovelace');
  });

  it('refuses a link that leads out of content/', () => {
    const outside = path.join(root, 'elsewhere.bib');
    writeFileSync(outside, ENTRY);
    symlinkSync(outside, path.join(contentDir, 'publications.bib'));
    const checked = checkPublications(contentDir, display, undefined);
    expect(checked.publications).toEqual([]);
    expect(checked.problems).toHaveLength(1);
    expect(formatProblem(checked.problems[0]!)).toMatch(
      /^content\/publications\.bib: this file .*outside/,
    );
  });

  it('adds profile.yaml’s entries, and refuses a key the .bib file already has', () => {
    writeFileSync(path.join(contentDir, 'publications.bib'), ENTRY);
    const entries = [
      publicationSchema.parse({ key: 'one', title: 'Again', authors: ['A B'], year: 2020 }),
      publicationSchema.parse({
        key: 'two',
        title: 'Two',
        authors: ['A B'],
        year: 2021,
        type: 'talk',
      }),
    ];
    const checked = checkPublications(contentDir, display, {
      file: 'content/profile.yaml',
      entries,
      lineOf: (index) => 10 + index * 5,
    });
    expect(checked.publications.map((publication) => publication.title)).toEqual(['One', 'Two']);
    expect(checked.publications[1]?.source).toEqual({ file: 'content/profile.yaml', line: 15 });
    expect(checked.problems.map(formatProblem)).toEqual([
      'content/profile.yaml:10: publications[0].key: "one" is already the key of content/publications.bib:1; give each publication its own key',
    ]);
  });
});

describe('paperProblem', () => {
  it('says when a portfolio has no publication to cite', () => {
    expect(paperProblem('x2025', [])).toMatch(
      /names a publication, but the portfolio has none with a key/,
    );
  });
});
