import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/lib/contrast.ts';
import type { MetricInput } from '../../src/lib/metrics.ts';
import {
  HOME_OG_IMAGE_PATH,
  OG_COLORS,
  OG_FONT_FAMILY,
  OG_IMAGE_HEIGHT,
  OG_IMAGE_WIDTH,
  OG_TITLE_MAX_LINES,
  caseStudyCard,
  displayWidth,
  headlineMetric,
  headlineMetricText,
  homeCard,
  ogCardAlt,
  ogCardTree,
  ogImagePath,
  titleFontSize,
  type OgElement,
  type OgNode,
} from '../../src/lib/og-card.ts';
import { renderOgImage } from '../../src/lib/og-image-fs.ts';

const MINUS = '\u2212';

function metric(fields: Partial<MetricInput>): MetricInput {
  return { name: 'm', goal: 'higher', ...fields };
}

/** Every string in a tree, in document order. */
function texts(node: OgNode): string[] {
  if (typeof node === 'string') return [node];
  const children = node.props.children;
  if (children === undefined) return [];
  return (Array.isArray(children) ? children : [children]).flatMap(texts);
}

/** The element whose only child is exactly `text`. */
function findByText(node: OgNode, text: string): OgElement | undefined {
  if (typeof node === 'string') return undefined;
  if (node.props.children === text) return node;
  const children = node.props.children;
  if (children === undefined || typeof children === 'string') return undefined;
  for (const child of Array.isArray(children) ? children : [children]) {
    const found = findByText(child, text);
    if (found) return found;
  }
  return undefined;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('headlineMetric', () => {
  it('shows the primary metric with its delta against the baseline', () => {
    const result = headlineMetric([
      metric({ name: 'Recall', value: 0.5 }),
      metric({ name: 'PR AUC', value: 0.71, baseline: 0.38, primary: true }),
    ]);
    expect(result).toEqual({ value: 'PR AUC 0.71', delta: '+0.33 vs baseline', verdict: 'better' });
    expect(result && headlineMetricText(result)).toBe('PR AUC 0.71 · +0.33 vs baseline');
  });

  it('falls back to the first metric, and to the value alone without a baseline', () => {
    expect(headlineMetric([metric({ name: 'F1', value: 0.8 }), metric({ value: 1 })])).toEqual({
      value: 'F1 0.8',
    });
  });

  it('uses units and percentage points like the rest of the site', () => {
    expect(
      headlineMetric([
        metric({ name: 'Latency', value: 35, baseline: 120, goal: 'lower', unit: 'ms' }),
      ]),
    ).toEqual({ value: 'Latency 35 ms', delta: `${MINUS}85 ms vs baseline`, verdict: 'better' });
    expect(
      headlineMetric([metric({ name: 'Hit rate', value: 64, baseline: 41, unit: '%' })]),
    ).toEqual({ value: 'Hit rate 64%', delta: '+23 pp vs baseline', verdict: 'better' });
    expect(
      headlineMetric([
        metric({ name: 'Cost', value: 1200, baseline: 1000, unit: '$', goal: 'lower' }),
      ])?.verdict,
    ).toBe('worse');
  });

  it('is undefined when there is nothing to show', () => {
    expect(headlineMetric([])).toBeUndefined();
  });
});

describe('the cards', () => {
  const study = {
    title: 'Churn in 6 weeks',
    organization: 'Acme Telecom',
    metrics: [metric({ name: 'ROC AUC', value: 0.91, baseline: 0.78 })],
  };

  it('says case study, title, organization, headline metric and owner', () => {
    const card = caseStudyCard(study, 'Ada Fixture');
    expect(texts(ogCardTree(card))).toEqual([
      'Case study',
      'Churn in 6 weeks',
      'Acme Telecom',
      'ROC AUC 0.91',
      '· +0.13 vs baseline',
      'Ada Fixture',
    ]);
    expect(ogCardAlt(card)).toBe(
      'Case study: Churn in 6 weeks. Acme Telecom. ROC AUC 0.91 · +0.13 vs baseline.',
    );
  });

  it('gives the home page a card with the name, headline and number of case studies', () => {
    const profile = { name: 'Ada Fixture', headline: 'Data science intern' };
    expect(texts(ogCardTree(homeCard(profile, 3)))).toEqual([
      'Portfolio',
      'Ada Fixture',
      'Data science intern',
      '3 case studies',
      'Ada Fixture',
    ]);
    expect(texts(ogCardTree(homeCard(profile, 1)))).toContain('1 case study');
    expect(texts(ogCardTree(homeCard(profile, 0)))).toHaveLength(4);
  });

  it('is a 1200x630 flex column in the card font, with the title clamped to three lines', () => {
    const tree = ogCardTree(caseStudyCard(study, 'Ada'));
    expect(tree.props.style).toMatchObject({
      width: OG_IMAGE_WIDTH,
      height: OG_IMAGE_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      fontFamily: OG_FONT_FAMILY,
    });
    expect([OG_IMAGE_WIDTH, OG_IMAGE_HEIGHT]).toEqual([1200, 630]);
    expect(findByText(tree, study.title)?.props.style).toMatchObject({
      lineClamp: OG_TITLE_MAX_LINES,
      fontSize: titleFontSize(study.title),
    });
    expect(OG_TITLE_MAX_LINES).toBe(3);
  });

  it('colours the delta by verdict, never as the only cue (the sign is in the text)', () => {
    const worse = caseStudyCard(
      { ...study, metrics: [metric({ name: 'AUC', value: 0.7, baseline: 0.8 })] },
      'Ada',
    );
    const delta = findByText(ogCardTree(worse), `· ${MINUS}0.1 vs baseline`);
    expect(delta?.props.style['color']).toBe(OG_COLORS.worse);
  });

  it('uses high-contrast colours: every text colour is at least 7:1 on the background', () => {
    for (const colour of [
      OG_COLORS.text,
      OG_COLORS.muted,
      OG_COLORS.accent,
      OG_COLORS.better,
      OG_COLORS.worse,
    ]) {
      expect(contrastRatio(colour, OG_COLORS.background)).toBeGreaterThanOrEqual(7);
    }
  });
});

describe('title sizing', () => {
  it('counts East Asian wide characters double', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('時系列')).toBe(6);
    expect(displayWidth('é—ü')).toBe(3);
    expect(displayWidth('한국')).toBe(4);
  });

  it('shrinks the font as titles grow, so 120 characters fit in three lines', () => {
    const sizes = [10, 40, 80, 120].map((length) => titleFontSize('x'.repeat(length)));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(sizes).size).toBe(4);
    expect(titleFontSize('時'.repeat(30))).toBe(titleFontSize('x'.repeat(60)));
  });
});

describe('card paths', () => {
  it('keeps case-study cards apart from the home card, so no slug can collide with it', () => {
    expect(ogImagePath('home')).toBe('og/case-studies/home.png');
    expect(HOME_OG_IMAGE_PATH).toBe('og/home.png');
  });
});

describe('rendering with the bundled fonts', () => {
  const TITLE = '時系列予測 — Prévision de la demande';

  /** One character, large and alone, black on white. */
  function glyph(text: string): OgElement {
    return {
      type: 'div',
      props: {
        style: {
          width: OG_IMAGE_WIDTH,
          height: OG_IMAGE_HEIGHT,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: 300,
          fontFamily: OG_FONT_FAMILY,
          color: '#000000',
          backgroundColor: '#ffffff',
        },
        children: text,
      },
    };
  }

  it('renders a Japanese and French title as a 1200x630 PNG with every glyph found', async () => {
    const card = caseStudyCard(
      {
        title: TITLE,
        organization: 'Données Öffentlich — 東京',
        metrics: [metric({ name: 'MAPE', value: 8.2, baseline: 12.5, goal: 'lower', unit: '%' })],
      },
      'Zoë Ångström',
    );
    const { png, missing } = await renderOgImage(ogCardTree(card));
    expect(missing).toEqual([]);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('reports text no font covers, so the missing-glyph check is not vacuous', async () => {
    const { missing } = await renderOgImage(glyph('\uE000'));
    expect(missing.join('')).toContain('\uE000');
  });

  it('draws each CJK and accented character as a real glyph, not the .notdef box or nothing', async () => {
    const notdef = Buffer.from((await renderOgImage(glyph('\uE000'))).png);
    const blank = Buffer.from((await renderOgImage(glyph('\u00A0'))).png);
    const characters = [...new Set(TITLE.replace(/\s/g, ''))];
    expect(characters).toEqual(expect.arrayContaining(['時', '予', '測', 'é', '—']));
    for (const character of characters) {
      const { png, missing } = await renderOgImage(glyph(character));
      expect(missing, character).toEqual([]);
      expect(Buffer.from(png).equals(notdef), `${character} renders as the .notdef box`).toBe(
        false,
      );
      expect(Buffer.from(png).equals(blank), `${character} renders as nothing`).toBe(false);
    }
  });
});
