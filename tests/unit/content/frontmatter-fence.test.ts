import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { blankFrontmatter } from '../../../src/content/frontmatter-fence.ts';

// The frontmatter parser @astrojs/mdx runs before it compiles a file,
// resolved from @astrojs/mdx's own folder: the version it depends on.
const fromMdx = createRequire(createRequire(import.meta.url).resolve('@astrojs/mdx'));
const { parseFrontmatter } = (await import(
  pathToFileURL(fromMdx.resolve('@astrojs/internal-helpers/frontmatter')).href
)) as typeof import('@astrojs/internal-helpers/frontmatter');

const STUDY = [
  '---',
  'title: "Churn: what moved it"',
  'metrics:',
  '  - { name: AUC, value: 0.91, baseline: 0.78 }',
  '---',
  '',
  '## Problem',
  '',
  'Prose with a thematic break below.',
  '',
  '---',
  '',
  'More prose.',
  '',
].join('\n');

describe('blankFrontmatter', () => {
  it('turns the frontmatter into spaces and keeps every line and the body as written', () => {
    const blanked = blankFrontmatter(STUDY) ?? '';
    const lines = blanked.split('\n');
    const original = STUDY.split('\n');
    expect(lines).toHaveLength(original.length);
    expect(lines[0]).toBe('---');
    expect(lines.slice(1, 4)).toEqual(original.slice(1, 4).map((line) => ' '.repeat(line.length)));
    // The closing fence, and the body with its own `---` line, are untouched.
    expect(lines.slice(4)).toEqual(original.slice(4));
    expect(blanked).toHaveLength(STUDY.length);
  });

  it("leaves Astro's MDX compiler an empty frontmatter and the same body", () => {
    const before = parseFrontmatter(STUDY, { frontmatter: 'empty-with-spaces' });
    const after = parseFrontmatter(blankFrontmatter(STUDY) ?? '', {
      frontmatter: 'empty-with-spaces',
    });
    expect(before.frontmatter).toMatchObject({ title: 'Churn: what moved it' });
    expect(after.frontmatter).toEqual({});
    expect(after.content).toBe(before.content);
  });

  it('keeps CRLF line breaks and a byte-order mark', () => {
    const source = '\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n';
    expect(blankFrontmatter(source)).toBe('\uFEFF---\r\n        \r\n---\r\nBody\r\n');
  });

  it('blanks nothing in a file without frontmatter or with an unclosed fence', () => {
    expect(blankFrontmatter('## Problem\n\n---\n\ntext\n')).toBeUndefined();
    expect(blankFrontmatter('---\ntitle: A\n\n## Problem\n')).toBeUndefined();
  });

  it('keeps an empty frontmatter as it is', () => {
    expect(blankFrontmatter('---\n---\nBody\n')).toBe('---\n---\nBody\n');
  });
});
