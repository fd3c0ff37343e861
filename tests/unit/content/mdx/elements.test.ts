import { describe, expect, it } from 'vitest';
import { scanMdx, type MdxElement } from '../../../../src/content/mdx/elements.ts';
import { DYNAMIC } from '../../../../src/content/mdx/static-expression.ts';

function elements(body: string, firstLine = 1): MdxElement[] {
  const scan = scanMdx(body, firstLine);
  if (!scan.ok) throw new Error(`line ${scan.line}: ${scan.message}`);
  return scan.elements;
}

/** A body as it follows a frontmatter block; its first line is line 30 of the file. */
const BODY = `
## Problem

Text with <Metric name="ROC AUC" /> inline.

<Chart type="line" src="./history.csv" x="epoch" y={["loss", "val_loss"]} title="Loss" />

\`\`\`mdx
<Chart src="./nope.csv" />
\`\`\`

Inline \`<Metric name="Example" />\` code.

<Callout type="insight" title="Hi">
  Nested <Metric name="F1" /> here.
</Callout>

<ConfusionMatrix matrix={[[52, 1], [1, 89]]} labels={names} {...rest} bare />

<div class="note">html</div>
`;

describe('scanMdx', () => {
  it('lists every element with its file line (firstLine offset applied)', () => {
    expect(elements(BODY, 30).map(({ name, line }) => [name, line])).toEqual([
      ['Metric', 33],
      ['Chart', 35],
      ['Callout', 43],
      ['Metric', 44],
      ['ConfusionMatrix', 47],
      ['div', 49],
    ]);
  });

  it('counts lines from 1 when the body starts the file', () => {
    expect(elements('<Metric name="A" />\n\ntext\n\n<Metric name="B" />\n')).toEqual([
      { name: 'Metric', line: 1, props: { name: 'A' }, hasSpread: false },
      { name: 'Metric', line: 5, props: { name: 'B' }, hasSpread: false },
    ]);
  });

  it('ignores elements in fenced code blocks and inline code', () => {
    const names = elements(BODY, 30).flatMap((element) =>
      typeof element.props['name'] === 'string' ? [element.props['name']] : [],
    );
    expect(names).toEqual(['ROC AUC', 'F1']);
    expect(elements(BODY, 30).some((element) => element.props['src'] === './nope.csv')).toBe(false);
    expect(elements('~~~\n<Chart />\n~~~\n\n`<Metric />`\n')).toEqual([]);
  });

  it('reads string props and evaluates expression props', () => {
    const chart = elements(BODY, 30)[1];
    expect(chart).toEqual({
      name: 'Chart',
      line: 35,
      props: {
        type: 'line',
        src: './history.csv',
        x: 'epoch',
        y: ['loss', 'val_loss'],
        title: 'Loss',
      },
      hasSpread: false,
    });
  });

  it('marks code props DYNAMIC, bare attributes true, and notes spreads', () => {
    const matrix = elements(BODY, 30)[4];
    expect(matrix?.props).toEqual({
      matrix: [
        [52, 1],
        [1, 89],
      ],
      labels: DYNAMIC,
      bare: true,
    });
    expect(matrix?.hasSpread).toBe(true);
  });

  it('skips fragments and keeps member-expression names', () => {
    expect(elements('<></>\n')).toEqual([]);
    expect(elements('<Charts.Line title="x" />\n').map((element) => element.name)).toEqual([
      'Charts.Line',
    ]);
  });

  it('reports an unclosed expression with the file line', () => {
    expect(scanMdx('Intro.\n\nA {1 +} b\n', 20)).toEqual({
      ok: false,
      line: 22,
      message: 'could not read the expression: Unexpected token',
    });
  });

  // A body nested thousands deep crashed the process: the parser on code
  // (a segmentation fault), the walks of the tree on quotes and elements
  // (RangeError with a stack trace), from a file of a few kilobytes.
  it('refuses a body nested past 200 levels, at the line, without parsing it', () => {
    const deep = (open: string, close = '') =>
      `Intro.\n\n${open.repeat(5000)}x${close.repeat(5000)}\n`;
    const message =
      'nested more than 200 levels deep (quotes, lists, elements or brackets), which Casefolio does not read; flatten it, or put deep data in a file beside the case study';
    for (const body of [
      deep('{', '}'),
      `{${'['.repeat(20000)}1${']'.repeat(20000)}}\n`,
      `Text.\n\n<Chart data={${'{a:'.repeat(20000)}1${'}'.repeat(20000)}} />\n`,
      deep('>'),
      deep('<span>', '</span>'),
      deep('*', '*'),
      deep('[', ']'),
    ]) {
      const scan = scanMdx(body, 10);
      expect(scan.ok, body.slice(0, 20)).toBe(false);
      if (!scan.ok) expect(scan.message).toBe(message);
    }
    expect(scanMdx(deep('>'), 10)).toMatchObject({ ok: false, line: 12 });
    // 200 levels of data are read.
    const scan = scanMdx(`{${'['.repeat(199)}1${']'.repeat(199)}}\n`, 1);
    expect(scan.ok).toBe(true);
  });

  it('reports a tag that is never closed at the line of the tag', () => {
    const scan = scanMdx('ok\n\n<Chart title="a" \n', 10);
    expect(scan.ok).toBe(false);
    if (!scan.ok) {
      expect(scan.line).toBe(12);
      expect(scan.message).not.toMatch(/mdx-jsx|^\d+:\d+/);
    }
  });

  it('reports a mismatched closing tag at the closing tag line', () => {
    const scan = scanMdx('a\n\n<Callout>\n\n</Calout>\n', 5);
    expect(scan.ok).toBe(false);
    if (!scan.ok) {
      expect(scan.line).toBe(9);
      expect(scan.message).toMatch(
        /^Unexpected closing tag `<\/Calout>`, expected corresponding closing tag for `<Callout>`/,
      );
    }
  });

  it('does not leave body-relative positions in the message', () => {
    const scan = scanMdx('a\n\n<Callout>\n\n</Calout>\n', 5);
    expect(scan.ok).toBe(false);
    if (!scan.ok) expect(scan.message).not.toContain('(3:1)');
  });
});

describe('scanMdx: the words of the body, for search', () => {
  function text(body: string): string[] {
    const scan = scanMdx(body, 1);
    if (!scan.ok) throw new Error(scan.message);
    return scan.text;
  }

  it('keeps each block’s words in reading order, without Markdown marks', () => {
    expect(text('## Data **leakage**\n\nA _split_ by `time`, see [the note](./n.md).\n')).toEqual([
      'Data leakage',
      'A split by time, see the note.',
    ]);
  });

  it('keeps code blocks and the words inside components, with their titles and captions', () => {
    const body = [
      '<Callout title="Caveat">',
      '',
      'Labels arrived late.',
      '',
      '</Callout>',
      '',
      '```python',
      'model.fit(X, y)',
      '```',
    ].join('\n');
    expect(text(body)).toEqual(['Caveat', 'Labels arrived late.', 'model.fit(X, y)']);
  });

  it('reads chart and figure titles, captions, alt text and class names, but no data', () => {
    const body = [
      '<Chart data={[{ epoch: 1, loss: 0.4312 }]} x="epoch" y="loss" title="Loss" caption="Flat after 25." />',
      '',
      '<ConfusionMatrix matrix={[[52, 1], [1, 89]]} labels={["stayed", "churned"]} title="Test set" />',
      '',
      '![A lift chart](./lift.png)',
      '',
      'The model reached <Metric name="ROC AUC" />.',
    ].join('\n');
    const words = text(body);
    expect(words).toEqual([
      'Loss',
      'Flat after 25.',
      'Test set',
      'stayed',
      'churned',
      'A lift chart',
      'The model reached ROC AUC.',
    ]);
    expect(words.join(' ')).not.toMatch(/0\.4312|52|89/);
  });

  it('leaves out JavaScript expressions', () => {
    expect(text('Total: {1 + 2} items.\n\n{/* a note */}\n')).toEqual(['Total:  items.']);
  });
});
