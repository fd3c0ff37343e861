import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { mathFeatures, mathHastPlugins } from '../../../src/math/markdown.ts';

/** Markdown through Sätteri with Casefolio's math, as notebook markdown or a page would be. */
async function html(markdown: string): Promise<string> {
  const result = await markdownToHtml(markdown, {
    features: mathFeatures,
    hastPlugins: mathHastPlugins,
  });
  return result.html;
}

/** MDX compiled as Astro compiles a case study (static parts as HTML strings). */
async function mdx(source: string): Promise<string> {
  const result = await mdxToJs(source, {
    features: mathFeatures,
    hastPlugins: mathHastPlugins,
    optimizeStatic: { component: 'Fragment', prop: 'set:html' },
    jsxImportSource: 'astro',
    elementAttributeNameCase: 'html',
  });
  return result.code;
}

describe('math in a Markdown pipeline', () => {
  it('renders $…$ as inline MathML', async () => {
    const out = await html('The score $\\hat{y} = \\frac{1}{2}$ is high.');
    expect(out).toMatch(
      /^<p>The score <math><mrow><mover><mi>y<\/mi>.*<mfrac>.*<\/math> is high\.<\/p>/,
    );
    expect(out).not.toContain('$');
  });

  it('renders a $$ block and a fenced math block as display math in a scrolling box', async () => {
    const out = await html('$$\n\\sum_{i=1}^{n} x_i\n$$\n\n```math\nE = mc^2\n```\n');
    const boxes = out.match(/<div class="math-display" tabindex="0"><math display="block"[^>]*>/g);
    expect(boxes).toHaveLength(2);
    expect(out).not.toContain('<pre');
  });

  it('renders $$…$$ inside a sentence as display math in a span, which a paragraph may hold', async () => {
    const out = await html(
      'The softmax $$\\frac{e^{z_k}}{\\sum_j e^{z_j}}$$ turns scores into probabilities.',
    );
    expect(out).toMatch(
      /^<p>The softmax <span class="math-display" tabindex="0"><math display="block"/,
    );
    expect(out).not.toContain('<div');
  });

  it('leaves dollar amounts in prose as text', async () => {
    for (const prose of [
      'It costs $5 and $10.',
      'A fee of $5-$10 applies.',
      'About $180, that is\nfar less than $181.',
      'From $1.3M to $4.8M.',
      'Escaped \\$5 and $x$ math.',
    ]) {
      const out = await html(prose);
      expect(out, prose).toContain('$');
      expect(out.includes('<math'), prose).toBe(prose.includes('$x$'));
    }
    expect(await html('It costs $5 and $10.')).toBe('<p>It costs $5 and $10.</p>\n');
  });

  it('never throws on a formula Temml cannot read: its source is shown as code', async () => {
    const out = await html('Bad $\\fracc{1}{2}$ here.\n\n$$\n\\begin{foo}\n$$\n');
    expect(out).toContain('<code class="math-unreadable">\\fracc{1}{2}</code>');
    expect(out).toContain(
      '<div class="math-display"><code class="math-unreadable">\\begin{foo}</code></div>',
    );
  });

  it('escapes what a formula holds and refuses what would reach outside it', async () => {
    const out = await html(
      '$\\text{<script>alert(1)</script>}$ $\\includegraphics{/etc/passwd}$ $\\href{javascript:alert(1)}{x}$ $\\color{red;background:url(x)}{y}$',
    );
    expect(out).not.toMatch(/<script|<img|href=|style="[^"]*url/);
    expect(out).toContain('&lt;script&gt;');
  });

  it('compiles MDX where braces in a formula are TeX, not code', async () => {
    const code = await mdx(
      'Precision $\\frac{TP}{TP + FP}$ and {1 + 1} code.\n\n$$\n\\{x\\} \\le y\n$$\n',
    );
    expect(code).toContain('<mfrac>');
    expect(code).toContain('1 + 1');
    expect(code).toContain('<div class=\\"math-display\\" tabindex=\\"0\\">');
  });

  it('leaves a page without math untouched', async () => {
    expect(await html('No formulas here.')).toBe('<p>No formulas here.</p>\n');
  });
});
