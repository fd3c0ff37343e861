import { describe, expect, it } from 'vitest';
import { renderNotebookMarkdown, type ImageResolver } from '../../../src/site/notebook-markdown.ts';

/** A resolver that knows `plot.png` (written with a space as `my plot.png` too) and nothing else. */
const resolver: ImageResolver = (url) =>
  Promise.resolve(
    url === 'plot.png' || url === 'my plot.png'
      ? {
          src: '/_astro/plot.hash.webp',
          width: 640,
          height: 480,
          srcset: '/_astro/plot.480.webp 480w',
          sizes: '100vw',
        }
      : undefined,
  );

const render = (markdown: string) => renderNotebookMarkdown(markdown, resolver);

describe("a notebook's Markdown", () => {
  it('renders through the site pipeline: GFM tables, smart punctuation, highlighted code', async () => {
    const html = await render(
      '### Results\n\nThe model\'s "recall" -- *much* better.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nimport numpy as np\n```\n',
    );
    expect(html).toContain('<h3>Results</h3>');
    expect(html).toContain('The model’s “recall” – <em>much</em> better.');
    expect(html).toContain('<th scope="col">a</th>');
    expect(html).toMatch(
      /<pre class="astro-code css-variables" tabindex="0" data-language="python"><code><span class="line"><span class="code-token-keyword">import<\/span>/,
    );
  });

  it('gives headings no id, which would repeat the page’s own', async () => {
    expect(await render('## Results\n')).toBe('<h2>Results</h2>');
  });

  it('keeps harmless markup written as HTML and drops every handler, script, frame, form and style', async () => {
    const html = await render(
      [
        'Text <b onclick="alert(1)">bold</b> <sub>2</sub> <kbd>Ctrl</kbd>',
        '<script>alert(2)</script><style>body { display: none }</style>',
        '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x">',
        '<form action="https://evil.example"><input name="q"><button formaction="javascript:alert(3)">go</button></form>',
        '<div style="position: fixed" id="main" class="evil">boxed</div>',
        '<svg onload="alert(4)"><script>alert(5)</script></svg><details ontoggle="alert(6)" open><summary>more</summary>hidden</details>',
        '<a href="https://example.com" target="_blank" rel="opener">ok</a> <base href="https://evil.example/">',
      ].join('\n\n'),
    );
    expect(html).toContain('<b>bold</b>');
    expect(html).toContain('<sub>2</sub> <kbd>Ctrl</kbd>');
    expect(html).toContain('<div>boxed</div>');
    expect(html).toContain('<a href="https://example.com">ok</a>');
    expect(html).not.toMatch(
      /<(script|style|iframe|object|embed|form|input|button|svg|details|base)\b/i,
    );
    expect(html).not.toMatch(/\son[a-z]+=|alert|style=|id=|class="evil"|target=|display: none/i);
  });

  it('keeps links to the web, mail and the site, and drops script and data addresses', async () => {
    const html = await render(
      [
        '[a](https://example.com) [b](mailto:ada@example.com) [c](../churn-model/) [d](#results)',
        '[e](javascript:alert(1)) [f](JaVaScRiPt:alert(2)) [g](data:text/html,x) [h](vbscript:x)',
        '<a href="java&#x09;script:alert(3)">i</a> <a href="&#106;avascript:alert(4)">j</a>',
      ].join('\n\n'),
    );
    expect(html).toContain('<a href="https://example.com">a</a>');
    expect(html).toContain('<a href="mailto:ada@example.com">b</a>');
    expect(html).toContain('<a href="../churn-model/">c</a>');
    expect(html).toContain('<a href="#results">d</a>');
    expect(html).toContain('<a>e</a> <a>f</a> <a>g</a> <a>h</a>');
    expect(html).toContain('<a>i</a> <a>j</a>');
  });

  it("shows only the notebook's own images, through the image pipeline, and drops the rest", async () => {
    const html = await render(
      '![ROC curve](plot.png) ![spaced](my%20plot.png) ![remote](https://evil.example/track.png) <img src="x" onerror="alert(1)"> <img src="attachment:unknown.png" alt="gone">',
    );
    expect(html).toBe(
      '<p><img src="/_astro/plot.hash.webp" srcset="/_astro/plot.480.webp 480w" sizes="100vw" alt="ROC curve" width="640" height="480" loading="lazy" decoding="async"> ' +
        '<img src="/_astro/plot.hash.webp" srcset="/_astro/plot.480.webp 480w" sizes="100vw" alt="spaced" width="640" height="480" loading="lazy" decoding="async">   </p>',
    );
  });

  it('sets math as MathML, after the sanitiser, and keeps dollar amounts as text', async () => {
    const html = await render(
      'Log loss $L = -\\log p$ costs $5 and $10.\n\n$$\n\\textcolor{red}{x}^2\n$$\n\n<math><mi style="position:fixed" onclick="alert(1)">q</mi></math>',
    );
    expect(html).toContain('<p>Log loss <math><mrow><mi>L</mi>');
    expect(html).toContain('costs $5 and $10.</p>');
    // Temml's own style survives; the notebook's MathML is dropped.
    expect(html).toContain(
      '<div class="math-display" tabindex="0"><math display="block" class="tml-display" style="display:block math;">',
    );
    expect(html).toContain('<mi style="color:#ff0000;">x</mi>');
    expect(html).not.toMatch(/position:fixed|onclick|>q</);
  });
});
