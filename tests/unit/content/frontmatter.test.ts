import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseYaml,
  parseYamlDocument,
  splitFrontmatter,
  type ParsedYaml,
} from '../../../src/content/frontmatter.ts';
import { listFiles, projectRoot } from '../../helpers/build.ts';

function parsed(text: string, lineOffset?: number): ParsedYaml {
  const result = parseYaml(text, lineOffset);
  if (!result.ok) throw new Error(`unexpected YAML error: ${result.message}`);
  return result.yaml;
}

describe('splitFrontmatter', () => {
  it('splits the frontmatter from the body and says where the body starts', () => {
    const split = splitFrontmatter('---\ntitle: A\nrole: B\n---\n\n## Problem\n');
    expect(split).toEqual({
      frontmatter: 'title: A\nrole: B',
      body: '\n## Problem\n',
      bodyLine: 5,
    });
  });

  it('finds the fences and the body line in CRLF files', () => {
    const split = splitFrontmatter('---\r\ntitle: A\r\n---\r\nBody\r\n');
    expect(split?.bodyLine).toBe(4);
    expect(split?.body.trim()).toBe('Body');
  });

  it('parses the last frontmatter field of a CRLF file like any other', () => {
    const split = splitFrontmatter('---\r\ntitle: A\r\nfeatured: true\r\n---\r\nBody\r\n');
    expect(parsed(split?.frontmatter ?? '', 1).data).toEqual({ title: 'A', featured: true });
  });

  it('ignores a byte order mark', () => {
    const split = splitFrontmatter('\uFEFF---\ntitle: A\n---\nBody');
    expect(split).toEqual({ frontmatter: 'title: A', body: 'Body', bodyLine: 4 });
  });

  it('accepts trailing spaces after the fences', () => {
    expect(splitFrontmatter('--- \ntitle: A\n---\t\nBody')?.frontmatter).toBe('title: A');
  });

  it('returns undefined without frontmatter or without a closing fence', () => {
    expect(splitFrontmatter('# Just a body\n')).toBeUndefined();
    expect(splitFrontmatter('\n---\ntitle: A\n---\n')).toBeUndefined();
    expect(splitFrontmatter('---\ntitle: A\n')).toBeUndefined();
    expect(splitFrontmatter('')).toBeUndefined();
  });

  it('does not close the frontmatter on a longer rule', () => {
    const split = splitFrontmatter('---\ntitle: A\n----\nrole: B\n---\nBody');
    expect(split?.frontmatter).toBe('title: A\n----\nrole: B');
  });
});

describe('parseYaml', () => {
  it('keeps dates as text (YAML 1.2 core schema)', () => {
    expect(
      parsed('period: { start: 2025-06, end: 2025-08-15 }\ndraft: false\nvalue: 0.91').data,
    ).toEqual({
      period: { start: '2025-06', end: '2025-08-15' },
      draft: false,
      value: 0.91,
    });
  });

  it('finds the line of nested fields, counted in the original file', () => {
    const yaml = parsed(
      [
        'title: T',
        'period: { start: 2025-06 }',
        'metrics:',
        '  - name: A',
        '    value: 1',
        '  - { name: B, value: 2 }',
        'stakeholders:',
        '  - role: X',
      ].join('\n'),
      1,
    );
    expect(yaml.lineOf(['title'])).toBe(2);
    expect(yaml.lineOf(['period', 'start'])).toBe(3);
    expect(yaml.lineOf(['metrics', 0, 'value'])).toBe(6);
    expect(yaml.lineOf(['metrics', 1, 'value'])).toBe(7);
    expect(yaml.lineOf(['stakeholders', 0, 'role'])).toBe(9);
  });

  it('points a missing field at the field or list item that should hold it', () => {
    const yaml = parsed('title: T\ndataset:\n  name: D\nmetrics:\n  - name: A\n', 1);
    expect(yaml.lineOf(['metrics', 0, 'value'])).toBe(6);
    expect(yaml.lineOf(['dataset', 'rows'])).toBe(3);
    expect(yaml.lineOf(['metrics', 3])).toBe(5);
  });

  it('points a missing top-level field at the opening fence, or the first line of a YAML file', () => {
    expect(parsed('\ntitle: T\n', 1).lineOf(['summary'])).toBe(1);
    expect(parsed('# my profile\n\nname: Ada\n').lineOf(['headline'])).toBe(1);
    expect(parsed('', 1).lineOf(['title'])).toBe(1);
    expect(parsed('- a\n- b\n', 1).lineOf(['title'])).toBe(1);
  });

  it('finds fields inside a flow mapping written on one list item line', () => {
    const yaml = parsed(
      [
        'metrics:',
        '  - { name: ROC AUC, value: 0.91 }',
        '  - { name: AUC, value: "0.91 AUC" }',
        '  - {',
        '      name: Recall,',
        '      value: x,',
        '    }',
      ].join('\n'),
      1,
    );
    expect(yaml.lineOf(['metrics', 1, 'value'])).toBe(4);
    expect(yaml.lineOf(['metrics', 1, 'unit'])).toBe(4);
    expect(yaml.lineOf(['metrics', 2, 'value'])).toBe(7);
    expect(yaml.lineOf(['metrics', 2, 'unit'])).toBe(5);
  });

  it('points at the key of a field whose value starts on a later line', () => {
    const yaml = parsed(
      ['title: T', 'links:', '  - label: x', '    url: y', 'bio: >', '  long', '  text'].join('\n'),
    );
    expect(yaml.lineOf(['links'])).toBe(2);
    expect(yaml.lineOf(['links', 0])).toBe(3);
    expect(yaml.lineOf(['links', 0, 'url'])).toBe(4);
    expect(yaml.lineOf(['bio'])).toBe(5);
  });

  it('finds an unknown key where it is written, and keys of a record', () => {
    const yaml = parsed(
      'model:\n  name: M\n  hyperparameters:\n    max depth: 6\n    "7": seven\n  framwork: x\n',
      1,
    );
    expect(yaml.lineOf(['model', 'framwork'])).toBe(7);
    expect(yaml.lineOf(['model', 'hyperparameters', 'max depth'])).toBe(5);
    expect(yaml.lineOf(['model', 'hyperparameters', '7'])).toBe(6);
  });

  it('follows aliases to the mapping they name', () => {
    const yaml = parsed('base: &b\n  x: 1\nother: *b\n');
    expect(yaml.lineOf(['other', 'x'])).toBe(2);
  });

  it('reports syntax errors with the line in the file', () => {
    expect(parseYaml('title: A\nsummary: a: b\n', 1)).toMatchObject({ ok: false, line: 3 });
    expect(parseYaml('a: 1\nb:\n\t- x\n')).toMatchObject({
      ok: false,
      line: 3,
      message: expect.stringContaining('Tabs'),
    });
  });

  it('reports an alias to no anchor, and an alias bomb, on a line instead of throwing', () => {
    expect(parseYaml('title: A\nrows: [*count]\n', 1)).toEqual({
      ok: false,
      line: 3,
      message:
        '*count names no anchor: write &count on a value before it, or write the value itself',
    });
    const levels = Array.from(
      { length: 10 },
      (_, level) => `l${level + 1}: &l${level + 1} [${Array(10).fill(`*l${level}`).join(', ')}]`,
    );
    expect(parseYaml(['l0: &l0 [1, 2]', ...levels].join('\n'))).toMatchObject({
      ok: false,
      message: 'too many aliases (*name) to expand; write the values themselves',
    });
  });

  it('rejects duplicate keys', () => {
    expect(parseYaml('title: A\nrole: B\ntitle: C\n')).toMatchObject({
      ok: false,
      line: 3,
      message: expect.stringContaining('unique'),
    });
  });

  it('keeps the message to one line without the library position suffix', () => {
    const result = parseYaml('title: A\nsummary: a: b\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).not.toContain('\n');
      expect(result.message).not.toMatch(/at line \d+/);
    }
  });
});

describe('parseYaml reads what the yaml package reads', () => {
  /**
   * Every YAML text the project ships: frontmatter of each MDX file and each
   * .yaml file of the templates and fixtures (a copy of the sample among
   * them), never the user's own content/.
   */
  const texts = ['templates', 'tests/fixtures'].flatMap((folder) =>
    listFiles(path.join(projectRoot, folder))
      .filter((file) => /\.(mdx|ya?ml)$/.test(file))
      .map((file) => {
        const source = readFileSync(path.join(projectRoot, folder, file), 'utf8');
        const text = file.endsWith('.mdx') ? splitFrontmatter(source)?.frontmatter : source;
        return { file: `${folder}/${file}`, text };
      })
      .filter((entry): entry is { file: string; text: string } => entry.text !== undefined),
  );

  it('for every fixture, template and sample file', () => {
    expect(texts.length).toBeGreaterThan(40);
    for (const { file, text } of texts) {
      const fast = parseYaml(text, 1);
      const exact = parseYamlDocument(text, 1);
      expect(fast.ok, file).toBe(exact.ok);
      if (fast.ok && exact.ok) expect(fast.yaml.data, file).toEqual(exact.yaml.data);
      else expect(fast, file).toEqual(exact);
    }
  });

  it.each([
    ['binary and signed hex or octal numbers stay text', 'a: 0b101\nb: -0x1F\nc: +0o7\nd: 0x1F'],
    ['anchors and aliases', 'base: &b { x: 1 }\nother: *b'],
    ['a merge key', 'base: &b { x: 1 }\nother: { <<: *b, y: 2 }'],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\nflag: yes'],
    ['an empty document', ''],
    ['a comment only', '# nothing yet'],
    [
      'numbers, booleans and nulls of the core schema',
      'a: 1e3\nb: .5\nc: .inf\nd: ~\ne: True\nf: 012\ng: 1_000',
    ],
    [
      'block and quoted strings',
      "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\nc: \"x: y\"\nd: 'it''s'",
    ],
    ['an unknown tag', 'a: !shout hello'],
    ['numbers beyond the range of a double', 'a: 1e400\nb: [-2E+308, 1e-400, 1.5e300]'],
  ])('%s', (_, text) => {
    const fast = parseYaml(text);
    const exact = parseYamlDocument(text);
    if (fast.ok && exact.ok) expect(fast.yaml.data).toEqual(exact.yaml.data);
    else expect(fast).toEqual(exact);
  });

  it('still finds lines, and reports duplicate keys with the yaml package’s message', () => {
    const text = 'title: A\nmetrics:\n  - name: AUC\n    value: 0.9\n';
    expect(parsed(text, 1).lineOf(['metrics', 0, 'value'])).toBe(5);
    expect(parseYaml('title: A\ntitle: B', 1)).toEqual(parseYamlDocument('title: A\ntitle: B', 1));
  });
});
