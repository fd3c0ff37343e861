import Color from 'color';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { MetricInput } from '../../../src/metrics/compare.ts';
import {
  HOME_OG_IMAGE_PATH,
  OG_COLORS,
  OG_IMAGE_HEIGHT,
  OG_IMAGE_WIDTH,
  OG_TITLE_MAX_LINES,
  caseStudyCard,
  displayWidth,
  headlineMetric,
  headlineMetricText,
  homeCard,
  ogCardAlt,
  ogImagePath,
  portfolioOgCards,
  titleFontSize,
  type OgCard,
} from '../../../src/og/card.ts';
import {
  OG_LAYOUT,
  layoutOgCard,
  wrapLines,
  type MeasureText,
  type OgOp,
} from '../../../src/og/layout.ts';
import { previewOgCard } from '../../../src/og/image.ts';

const MINUS = '\u2212';

function metric(fields: Partial<MetricInput>): MetricInput {
  return { name: 'm', goal: 'higher', ...fields };
}

/**
 * A stand-in for a font: every character is half its size wide, CJK ones a
 * whole size. Good enough to test where lines break.
 */
const measure: MeasureText = (text, font) =>
  [...text].reduce((sum, char) => sum + (displayWidth(char) === 2 ? 1 : 0.5) * font.size, 0);

type TextOp = Extract<OgOp, { kind: 'text' }>;

function textOps(card: OgCard): TextOp[] {
  return layoutOgCard(card, measure).ops.filter((op): op is TextOp => op.kind === 'text');
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

  it('says case study, title, organization, headline metric and owner, top to bottom', () => {
    const card = caseStudyCard(study, 'Ada Fixture');
    const ops = textOps(card);
    expect(ops.map((op) => op.text)).toEqual([
      'CASE STUDY',
      'Churn in 6 weeks',
      'Acme Telecom',
      'Ada Fixture',
      'ROC AUC 0.91',
      '· +0.13 vs baseline',
    ]);
    const y = (text: string) => ops.find((op) => op.text === text)?.y ?? NaN;
    expect(y('CASE STUDY')).toBeLessThan(y('Churn in 6 weeks'));
    expect(y('Churn in 6 weeks')).toBeLessThan(y('Acme Telecom'));
    expect(y('Acme Telecom')).toBeLessThan(y('ROC AUC 0.91'));
    expect(y('ROC AUC 0.91')).toBeLessThan(y('Ada Fixture'));
    expect(ogCardAlt(card)).toBe(
      'Case study: Churn in 6 weeks. Acme Telecom. ROC AUC 0.91 · +0.13 vs baseline.',
    );
  });

  it('says "evaluated across groups" above the title when the metrics are broken down by group', () => {
    const card = caseStudyCard(
      { ...study, responsible: { fairness: { attribute: 'issuing region' } } },
      'Ada Fixture',
    );
    // One line, whole: the eyebrow is never cut to an ellipsis.
    expect(textOps(card)[0]?.text).toBe('CASE STUDY · EVALUATED ACROSS GROUPS');
    expect(textOps(card)[1]?.text).toBe('Churn in 6 weeks');
    expect(ogCardAlt(card)).toBe(
      'Case study · Evaluated across groups: Churn in 6 weeks. Acme Telecom. ROC AUC 0.91 · +0.13 vs baseline.',
    );
    // A responsible block without a breakdown is no mark.
    expect(caseStudyCard({ ...study, responsible: {} }, 'Ada Fixture').eyebrow).toBe('Case study');
  });

  it('gives the home page a card with the name, headline and number of case studies', () => {
    const profile = { name: 'Ada Fixture', headline: 'Data science intern' };
    expect(textOps(homeCard(profile, 3)).map((op) => op.text)).toEqual([
      'PORTFOLIO',
      'Ada Fixture',
      'Data science intern',
      'Ada Fixture',
      '3 case studies',
    ]);
    expect(textOps(homeCard(profile, 1)).map((op) => op.text)).toContain('1 case study');
    expect(textOps(homeCard(profile, 0))).toHaveLength(4);
  });

  it('lists one card per published case study and the home card', () => {
    const cards = portfolioOgCards([{ ...study, slug: 'churn' }], {
      name: 'Ada',
      headline: 'Intern',
    });
    expect(cards.map((card) => card.path)).toEqual([ogImagePath('churn'), HOME_OG_IMAGE_PATH]);
    expect(cards[0]?.card.title).toBe('Churn in 6 weeks');
  });

  it('keeps every word inside the 1200x630 card, right of the accent bar', () => {
    const long = caseStudyCard(
      {
        title: 'A deliberately long title about forecasting demand '.repeat(4),
        organization: 'An organization whose name is far too long to fit on one line of the card',
        metrics: [
          metric({
            name: 'Weighted absolute percentage error',
            value: 31.4,
            baseline: 42.7,
            unit: '%',
            goal: 'lower',
          }),
        ],
      },
      'Ada',
    );
    const left = OG_LAYOUT.accentBar + OG_LAYOUT.paddingX;
    for (const op of textOps(long)) {
      expect(op.x, op.text).toBeGreaterThanOrEqual(left);
      expect(op.x + measure(op.text, op.font), op.text).toBeLessThanOrEqual(
        OG_IMAGE_WIDTH - OG_LAYOUT.paddingX,
      );
      expect(op.y, op.text).toBeGreaterThan(0);
      expect(op.y, op.text).toBeLessThan(OG_IMAGE_HEIGHT);
    }
    expect([OG_IMAGE_WIDTH, OG_IMAGE_HEIGHT]).toEqual([1200, 630]);
  });

  it('clamps the title to three lines ending in an ellipsis, in a size chosen for its length', () => {
    const title = 'A deliberately long title about forecasting demand '.repeat(4).trim();
    const ops = textOps(caseStudyCard({ ...study, title }, 'Ada')).filter(
      (op) => op.font.size === titleFontSize(title),
    );
    expect(OG_TITLE_MAX_LINES).toBe(3);
    expect(ops).toHaveLength(OG_TITLE_MAX_LINES);
    expect(ops.at(-1)?.text).toMatch(/…$/);
    expect(ops.map((op) => op.text.replace('…', '')).join(' ')).toBe(
      title.slice(0, ops.map((op) => op.text.replace('…', '')).join(' ').length),
    );
  });

  it('puts a delta that does not fit beside the value on a line of its own', () => {
    const short = textOps(caseStudyCard(study, 'Ada'));
    const value = short.find((op) => op.text === 'ROC AUC 0.91');
    const delta = short.find((op) => op.text.startsWith('·'));
    expect(delta?.y).toBe(value?.y);
    expect(delta?.x).toBeGreaterThan(value?.x ?? Infinity);

    const name = 'Mean reciprocal rank at ten';
    const long = textOps(
      caseStudyCard({ ...study, metrics: [metric({ name, value: 0.41, baseline: 0.3 })] }, 'Ada'),
    );
    const longValue = long.find((op) => op.text.startsWith(name));
    const longDelta = long.find((op) => op.text.startsWith('·'));
    expect(longDelta?.x).toBe(longValue?.x);
    expect(longDelta?.y).toBeGreaterThan(longValue?.y ?? Infinity);
  });

  it('colours the delta by verdict, never as the only cue (the sign is in the text)', () => {
    const worse = caseStudyCard(
      { ...study, metrics: [metric({ name: 'AUC', value: 0.7, baseline: 0.8 })] },
      'Ada',
    );
    const delta = textOps(worse).find((op) => op.text === `· ${MINUS}0.1 vs baseline`);
    expect(delta?.color).toBe(OG_COLORS.worse);
    const better = textOps(caseStudyCard(study, 'Ada')).find((op) => op.text.startsWith('·'));
    expect(better?.color).toBe(OG_COLORS.better);
  });

  it('uses high-contrast colours: every text colour is at least 7:1 on the background', () => {
    for (const colour of [
      OG_COLORS.text,
      OG_COLORS.muted,
      OG_COLORS.accent,
      OG_COLORS.better,
      OG_COLORS.worse,
    ]) {
      expect(Color(colour).contrast(Color(OG_COLORS.background))).toBeGreaterThanOrEqual(7);
    }
  });
});

describe('wrapLines', () => {
  const font = { size: 10, weight: 400 } as const;

  it('breaks between words, never inside one that fits on a line', () => {
    expect(wrapLines('alpha beta gamma delta', 55, font, measure, 5)).toEqual([
      'alpha beta',
      'gamma delta',
    ]);
  });

  it('breaks between CJK characters, which have no spaces, and keeps punctuation with them', () => {
    expect(wrapLines('時系列予測。需要', 35, font, measure, 5)).toEqual([
      '時系列',
      '予測。',
      '需要',
    ]);
  });

  it('splits a word longer than a line where it overflows', () => {
    expect(wrapLines('abcdefghijkl', 30, font, measure, 5)).toEqual(['abcdef', 'ghijkl']);
  });

  it('ends the last allowed line with an ellipsis when text is left over', () => {
    expect(wrapLines('one two three four five six', 40, font, measure, 2)).toEqual([
      'one two',
      'three…',
    ]);
    expect(wrapLines('short', 40, font, measure, 1)).toEqual(['short']);
  });

  it('counts letter spacing', () => {
    expect(wrapLines('ab cd', 25, { ...font, letterSpacing: 3 }, measure, 5)).toEqual(['ab', 'cd']);
    expect(wrapLines('ab cd', 25, font, measure, 5)).toEqual(['ab cd']);
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

  /** A card whose title is one character, the rest fixed, so two renders differ only there. */
  const glyphCard = (title: string): OgCard => ({ eyebrow: 'x', title, footer: 'x' });

  it('renders a Japanese and French title as a 1200x630 PNG with every glyph found', () => {
    const card = caseStudyCard(
      {
        title: TITLE,
        organization: 'Données Öffentlich — 東京',
        metrics: [metric({ name: 'MAPE', value: 8.2, baseline: 12.5, goal: 'lower', unit: '%' })],
      },
      'Zoë Ångström',
    );
    const { png, missing } = previewOgCard(card);
    expect(missing).toEqual([]);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  it('reports text no font covers, so the missing-glyph check is not vacuous', () => {
    const { missing } = previewOgCard(glyphCard('a\uE000b\uE000'));
    expect(missing).toEqual(['\uE000']);
  });

  it('draws each CJK and accented character as a real glyph, not the .notdef box or nothing', () => {
    const notdef = Buffer.from(previewOgCard(glyphCard('\uE000')).png);
    const blank = Buffer.from(previewOgCard(glyphCard('\u00A0')).png);
    const characters = [...new Set((TITLE + 'ŝậЖΩ').replace(/\s/g, ''))];
    expect(characters).toEqual(expect.arrayContaining(['時', '予', '測', 'é', '—', 'ậ', 'Ж']));
    for (const character of characters) {
      const { png, missing } = previewOgCard(glyphCard(character));
      expect(missing, character).toEqual([]);
      expect(Buffer.from(png).equals(notdef), `${character} renders as the .notdef box`).toBe(
        false,
      );
      expect(Buffer.from(png).equals(blank), `${character} renders as nothing`).toBe(false);
    }
  });

  it('paints the background, the accent bar and white text, each card from scratch', async () => {
    // Four bytes a pixel, whatever the PNG's colour type.
    const pixelsOf = async (png: Uint8Array) =>
      (await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })).data;
    const at = (data: Buffer, x: number, y: number) => {
      const i = (y * OG_IMAGE_WIDTH + x) * 4;
      return `#${[data[i], data[i + 1], data[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
    };
    const long = await pixelsOf(previewOgCard(glyphCard('A long title across the card')).png);
    const short = await pixelsOf(previewOgCard(glyphCard('Hi')).png);
    expect(at(short, OG_IMAGE_WIDTH - 10, OG_IMAGE_HEIGHT - 10)).toBe(OG_COLORS.background);
    expect(at(short, 4, 300)).toBe(OG_COLORS.accent);
    // The long title paints white pixels far to the right; the short one,
    // painted next on the same canvas, leaves that area background.
    const whiteRight = (data: Buffer) => {
      let count = 0;
      for (let y = 0; y < OG_IMAGE_HEIGHT; y++)
        for (let x = 500; x < OG_IMAGE_WIDTH; x++) if (at(data, x, y) === OG_COLORS.text) count++;
      return count;
    };
    expect(whiteRight(long)).toBeGreaterThan(100);
    expect(whiteRight(short)).toBe(0);
  });

  it('paints the same card to the same bytes every time', () => {
    const card = caseStudyCard(study(), 'Ada');
    const first = Buffer.from(previewOgCard(card).png);
    expect(Buffer.from(previewOgCard(card).png).equals(first)).toBe(true);
  });
});

function study() {
  return {
    title: 'Churn in 6 weeks',
    organization: 'Acme Telecom',
    metrics: [metric({ name: 'ROC AUC', value: 0.91, baseline: 0.78 })],
  };
}
