import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { friendlyIssues } from '../../../src/problems/friendly-issues.ts';
import { parseYaml } from '../../../src/content/frontmatter.ts';
import {
  keptBecause,
  planFreshStart,
  sampleHash,
  type FoundFile,
  type SampleManifest,
} from '../../../src/authoring/fresh-start.ts';
import { readSampleManifest, sampleManifestOf } from '../../../src/authoring/fresh-start-files.ts';
import { profilePathSchema } from '../../../src/schemas/profile.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const hash = (text: string) => sampleHash(Buffer.from(text, 'utf8'));

describe('the sample manifest', () => {
  it('holds the hash of every file of the sample fixture, a copy of the shipped content/', () => {
    // On failure: the sample changed; regenerate src/authoring/sample-manifest.json
    // with the command in src/authoring/fresh-start-files.ts.
    const fixture = path.join(root, 'tests', 'fixtures', 'sample', 'content');
    expect(readSampleManifest()).toEqual(sampleManifestOf(fixture));
  });

  it('covers the sample profile and its four case studies', () => {
    const parts = new Set(
      Object.keys(readSampleManifest()).map((file) => file.split('/').slice(0, 2).join('/')),
    );
    expect([...parts].sort()).toEqual([
      'case-studies/bike-share-demand-forecast',
      'case-studies/breast-biopsy-screening',
      'case-studies/card-fraud-detection',
      'case-studies/checkout-experiment-analysis',
      'profile.yaml',
    ]);
  });
});

describe('sampleHash', () => {
  it('is the SHA-256 of the bytes', () => {
    expect(hash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('reads CRLF as LF, as Git on Windows checks text out', () => {
    expect(hash('a\r\nb\r\n')).toBe(hash('a\nb\n'));
    expect(hash('a\rb')).not.toBe(hash('a\nb'));
  });
});

describe('planFreshStart', () => {
  const manifest: SampleManifest = {
    'profile.yaml': hash('sample profile'),
    'case-studies/churn/index.mdx': hash('churn'),
    'case-studies/churn/data.csv': hash('churn data'),
    'case-studies/pricing.mdx': hash('pricing'),
  };
  const starter = hash('starter profile');
  const sample: FoundFile[] = Object.entries(manifest).map(([file, value]) => ({
    path: file,
    hash: value,
  }));
  const plan = (found: FoundFile[]) => planFreshStart(manifest, found, starter);
  const replace = (file: string, value: string | undefined): FoundFile[] =>
    sample.map((entry) => (entry.path === file ? { path: file, hash: value } : entry));

  it('removes every part of an untouched sample and writes the starter profile', () => {
    expect(plan(sample)).toEqual({
      removed: [
        {
          part: 'case-studies/churn/',
          files: ['case-studies/churn/data.csv', 'case-studies/churn/index.mdx'],
        },
        { part: 'case-studies/pricing.mdx', files: ['case-studies/pricing.mdx'] },
        { part: 'profile.yaml', files: ['profile.yaml'] },
      ],
      kept: [],
      profile: 'write',
    });
  });

  it('keeps a whole case study when one of its files was edited', () => {
    const result = plan(replace('case-studies/churn/data.csv', hash('my data')));
    expect(result.removed.map((part) => part.part)).toEqual([
      'case-studies/pricing.mdx',
      'profile.yaml',
    ]);
    expect(result.kept).toEqual([
      { part: 'case-studies/churn/', changed: ['data.csv'], added: [] },
    ]);
  });

  it('keeps a sample case study the user added a file to, but not for a .DS_Store', () => {
    const notes = { path: 'case-studies/churn/notes/ideas.md', hash: hash('mine') };
    const finder = { path: 'case-studies/churn/.DS_Store', hash: hash('finder') };
    expect(plan([...sample, notes]).kept).toEqual([
      { part: 'case-studies/churn/', changed: [], added: ['notes/ideas.md'] },
    ]);
    const removed = plan([...sample, finder]).removed[0];
    expect(removed?.files).toContain('case-studies/churn/.DS_Store');
  });

  it('never removes a symlink put where a sample file was', () => {
    expect(plan(replace('case-studies/pricing.mdx', undefined)).kept).toEqual([
      { part: 'case-studies/pricing.mdx', changed: ['case-studies/pricing.mdx'], added: [] },
    ]);
  });

  it('keeps an edited profile and writes no starter over it', () => {
    const result = plan(replace('profile.yaml', hash('my profile')));
    expect(result.profile).toBe('keep');
    expect(result.kept).toEqual([{ part: 'profile.yaml', changed: ['profile.yaml'], added: [] }]);
  });

  it('does nothing the second time: only the starter profile is left', () => {
    expect(plan([{ path: 'profile.yaml', hash: starter }])).toEqual({
      removed: [],
      kept: [],
      profile: 'starter',
    });
  });

  it('writes the starter when there is no profile at all', () => {
    expect(plan([]).profile).toBe('write');
  });
});

describe('keptBecause', () => {
  it('names what was changed and added, "it" for a part that is one file', () => {
    expect(
      keptBecause({ part: 'case-studies/churn/', changed: ['index.mdx'], added: ['a.md', 'b.md'] }),
    ).toBe('you changed index.mdx and added a.md and b.md');
    expect(keptBecause({ part: 'case-studies/churn/', changed: ['a', 'b', 'c'], added: [] })).toBe(
      'you changed a, b and c',
    );
    expect(keptBecause({ part: 'profile.yaml', changed: ['profile.yaml'], added: [] })).toBe(
      'you changed it',
    );
  });
});

describe('the starter profile (templates/profile.yaml)', () => {
  const text = readFileSync(path.join(root, 'templates', 'profile.yaml'), 'utf8');

  it('is a valid profile as written', () => {
    const parsed = parseYaml(text, 1);
    if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.message}`);
    const result = profilePathSchema.safeParse(parsed.yaml.data, { reportInput: true });
    const problems = result.success
      ? []
      : friendlyIssues(result.error.issues, profilePathSchema).map(
          ({ field, message }) => `${field}: ${message}`,
        );
    expect(problems).toEqual([]);
  });

  it('says above every field what to write', () => {
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (!/^[a-z]+:/.test(line)) return;
      expect(lines[index - 1], `a comment above "${line}"`).toMatch(/^#/);
    });
  });
});
