import { describe, expect, it } from 'vitest';
import { sanitizeHtmlOutput, sanitizeSvg } from '../../../src/notebooks/sanitize.ts';
import { parseXml, type XmlElement } from '../../helpers/xml.ts';

describe('sanitizeHtmlOutput', () => {
  it('keeps a pandas table without its style, classes and border', () => {
    const pandas =
      '<div>\n<style scoped>\n    .dataframe tbody tr th:only-of-type { vertical-align: middle; }\n</style>\n<table border="1" class="dataframe">\n  <thead>\n    <tr style="text-align: right;">\n      <th></th>\n      <th>f1</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <th id="T_0">benign</th>\n      <td colspan="1">0.989</td>\n    </tr>\n  </tbody>\n</table>\n</div>';
    expect(sanitizeHtmlOutput(pandas)).toBe(
      '<div>\n\n<table>\n  <thead>\n    <tr>\n      <th></th>\n      <th>f1</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <th>benign</th>\n      <td colspan="1">0.989</td>\n    </tr>\n  </tbody>\n</table>\n</div>',
    );
  });

  it('leaves no active markup: scripts, handlers, javascript: links, embeds, forms and styles go', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">js</a>',
      '<a href="JaVaScRiPt&colon;alert(1)">js2</a>',
      '<a href="other.ipynb">local</a>',
      '<a href="https://example.org" onclick="x()" target="_blank">web</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<form action="https://evil.example"><input name="q"><button>go</button></form>',
      '<svg onload="alert(1)"><script>alert(2)</script></svg>',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<div style="background:url(https://evil.example)" class="c" id="i">text</div>',
      '<h1>Heading</h1>',
      '<object data="x.swf"></object><embed src="x.swf"><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"><link rel="stylesheet" href="https://evil.example/x.css">',
      '<p>mail <a href="mailto:a@example.org">me</a></p>',
    ].join('');
    const html = sanitizeHtmlOutput(hostile);
    expect(html).toBe(
      'jsjs2local<a href="https://example.org">web</a>go<div>text</div><p>Heading</p><p>mail <a href="mailto:a@example.org">me</a></p>',
    );
  });
});

function names(element: XmlElement): string[] {
  return [element.name, ...element.children.flatMap(names)];
}

function attributes(element: XmlElement): string[] {
  return [
    ...Object.entries(element.attributes).map(([key, value]) => `${key}=${value}`),
    ...element.children.flatMap(attributes),
  ];
}

const MATPLOTLIB = `<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
  "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="460.8pt" height="345.6pt" viewBox="0 0 460.8 345.6" xmlns="http://www.w3.org/2000/svg" version="1.1">
 <metadata>
  <rdf:RDF xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
   <cc:Work><dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/></cc:Work>
  </rdf:RDF>
 </metadata>
 <defs>
  <style type="text/css">*{stroke-linejoin: round; stroke-linecap: butt}</style>
 </defs>
 <g id="figure_1">
  <g id="patch_1">
   <path d="M 0 345.6 L 460.8 345.6 L 460.8 0 L 0 0 z" style="fill: #ffffff"/>
  </g>
  <g id="axes_1" clip-path="url(#p1)">
   <use xlink:href="#m0" x="57.6" y="307.584" style="stroke: #000000; stroke-width: 0.8"/>
   <text x="1" y="2" style="font: 10px 'DejaVu Sans'">0.0 &lt; 1 &amp; ok</text>
  </g>
 </g>
 <defs><clipPath id="p1"><rect x="57.6" y="41.472" width="357.12" height="266.112"/></clipPath></defs>
</svg>`;

/** The cleaned SVG, or '' when it was refused. */
function svgOf(svg: string): string {
  const clean = sanitizeSvg(svg);
  return clean.ok ? clean.svg : '';
}

describe('sanitizeSvg', () => {
  it('keeps a matplotlib figure drawable and well-formed XML', () => {
    const svg = svgOf(MATPLOTLIB);
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attributes).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      'xmlns:xlink': 'http://www.w3.org/1999/xlink',
      viewBox: '0 0 460.8 345.6',
      width: '460.8pt',
    });
    expect(names(root)).toEqual([
      'svg',
      'defs',
      'style',
      'g',
      'g',
      'path',
      'g',
      'use',
      'text',
      'defs',
      'clipPath',
      'rect',
    ]);
    expect(attributes(root)).toContain('xlink:href=#m0');
    expect(attributes(root)).toContain('clip-path=url(#p1)');
    expect(svg).toContain('0.0 &#x3C; 1 &#x26; ok');
  });

  it('strips scripts, handlers, foreign HTML, animations and URLs that leave the file', () => {
    const hostile = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">
      <script>alert(1)</script><script xlink:href="https://evil.example/x.js"/>
      <foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="javascript:alert(1)"></iframe></body></foreignObject>
      <a href="javascript:alert(1)"><text onclick="alert(1)">click</text></a>
      <animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onmouseover" to="alert(1)"/>
      <image href="https://evil.example/track.png" width="1" height="1"/>
      <image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
      <use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x"/>
      <rect style="fill: url(https://evil.example/x)" fill="url(#ok)" width="1" height="1"/>
      <style>@import url(https://evil.example/x.css);</style>
      <feImage href="https://evil.example"/>
      <!-- a comment -->
    </svg>`;
    const svg = svgOf(hostile);
    const root = parseXml(svg);
    expect(names(root)).toEqual(['svg', 'text', 'image', 'image', 'use', 'rect']);
    expect(svg).not.toMatch(
      /script|onload|onclick|javascript|evil|foreignObject|animate|@import|<!--/i,
    );
    expect(svg).toContain('xlink:href="data:image/png;base64,iVBORw0KGgo="');
    expect(svg).toContain('fill="url(#ok)"');
    expect(svg).toContain('>click</text>');
  });

  it('refuses CSS that loads from elsewhere however it is spelt: escapes, image-set, presentation attributes', () => {
    // Each of these makes a browser fetch the address when the file is opened on its own.
    const hostile = String.raw`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
      <style>rect{fill:u\72l(https://evil.example/1)}</style>
      <style>@\69mport "https://evil.example/2.css";</style>
      <style>rect{background:image-set("https://evil.example/3.png" 1x)}</style>
      <style>rect{fill:\55 RL(https://evil.example/4)}</style>
      <style>*{stroke-linejoin: round}</style>
      <rect style="fill:u\rl(https://evil.example/5)" width="1" height="1"/>
      <rect fill="u\72l(https://evil.example/6)" filter="-webkit-image-set('https://evil.example/7' 1x)" width="1" height="1"/>
      <rect style="fill: rgb(1, 2, 3); clip-path: url('#c')" transform="translate(1 2) rotate(3)" width="1" height="1"/>
    </svg>`;
    const svg = svgOf(hostile);
    expect(svg).not.toMatch(/evil/);
    expect(svg).toContain('<style>*{stroke-linejoin: round}</style>');
    expect(attributes(parseXml(svg))).toEqual(
      expect.arrayContaining([
        "style=fill: rgb(1, 2, 3); clip-path: url('#c')",
        'transform=translate(1 2) rotate(3)',
      ]),
    );
  });

  it('refuses text that holds no svg', () => {
    expect(sanitizeSvg('<p>not an image</p>')).toEqual({
      ok: false,
      message: 'holds no <svg> element',
    });
  });
});
