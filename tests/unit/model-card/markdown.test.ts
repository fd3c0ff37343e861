import fc from 'fast-check';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { mathToMarkdown } from 'mdast-util-math';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import {
  code,
  heading,
  link,
  list,
  paragraph,
  strong,
  table,
  writeMarkdown,
  type Inline,
} from '../../../src/model-card/markdown.ts';

/** The library's own writing, every escaping pattern tried on every text: what writeMarkdown must equal. */
function libraryMarkdown(children: readonly RootContent[]): string {
  return toMarkdown(
    { type: 'root', children: [...children] },
    {
      bullet: '-',
      extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), mathToMarkdown()],
    },
  );
}

// Text made of what Markdown reads as structure, so that most strings need escaping somewhere.
const SIGNIFICANT = [...'#*_`~$|<>[]()!&:.-+=\\@\'"{} \t\n1aW'];
const markdownish = fc
  .array(fc.oneof(fc.constantFrom(...SIGNIFICANT), fc.string({ maxLength: 3 })), { maxLength: 14 })
  .map((parts) => parts.join(''));

const inline: fc.Arbitrary<Inline> = fc.oneof(
  { weight: 4, arbitrary: markdownish },
  markdownish.map(strong),
  markdownish.map(code),
  markdownish.map((text) => link('https://example.com/a_(b)', text)),
);
const line = fc.array(inline, { minLength: 1, maxLength: 4 });
const block: fc.Arbitrary<RootContent> = fc.oneof(
  line.map((parts) => paragraph(...parts)),
  line.map((parts) => heading(2, ...parts)),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => list(items)),
  fc
    .array(fc.array(markdownish, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 })
    .map((rows) => table(['left', 'right'], [['Metric', 'Value'], ...rows])),
);

describe('writeMarkdown', () => {
  it('writes exactly what mdast-util-to-markdown writes with every escaping pattern tried', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (blocks) => {
        expect(writeMarkdown(blocks)).toBe(libraryMarkdown(blocks));
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes what would change the structure', () => {
    const written = writeMarkdown([
      paragraph('# not a heading, *not emphasis*, [not](a link), $x$ and <script>'),
      list([['1. not a nested list'], ['- nor this']]),
      table(
        ['left', 'left'],
        [
          ['Group', 'Note'],
          ['a|b', '~~kept~~'],
        ],
      ),
    ]);
    expect(written).toBe(
      [
        '\\# not a heading, \\*not emphasis\\*, \\[not]\\(a link), \\$x\\$ and \\<script>',
        '',
        '- 1\\. not a nested list',
        '- \\- nor this',
        '',
        '| Group | Note         |',
        '| :---- | :----------- |',
        '| a\\|b  | \\~\\~kept\\~\\~ |',
        '',
      ].join('\n'),
    );
  });
});
