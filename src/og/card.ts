import {
  compareMetric,
  formatMetricValue,
  primaryMetric,
  type MetricInput,
} from '../metrics/compare.ts';
import { portfolioPath } from '../schemas/cohort.ts';
import { eastAsianWidth } from 'get-east-asian-width';
import { dictionary, plural } from '../i18n/dictionaries.ts';
import { DEFAULT_LOCALE, textDirection, type Locale } from '../i18n/locales.ts';
import { formatNumber } from '../metrics/numbers.ts';

/**
 * The Open Graph card (the picture a link preview shows) as data: what it
 * says and how big its title is. Pure, so the wording and layout
 * rules are tested without fonts or a renderer; og/layout.ts places the
 * words and og/image.ts paints them into a PNG.
 */

export const OG_IMAGE_WIDTH = 1200;
export const OG_IMAGE_HEIGHT = 630;

/** Light text on a near-black blue: every pairing is well above WCAG AA (see the unit test). */
export const OG_COLORS = {
  background: '#0b1120',
  text: '#ffffff',
  muted: '#cbd5e1',
  accent: '#7dd3fc',
  better: '#86efac',
  worse: '#fca5a5',
  rule: '#334155',
} as const;

/** The most lines the title may take; longer titles end in an ellipsis. */
export const OG_TITLE_MAX_LINES = 3;

/** What one card says. */
export interface OgCard {
  /** Small capitals above the title: "Case study", or the owner's headline. */
  eyebrow: string;
  title: string;
  /** The line under the title: the organization. */
  subtitle?: string | undefined;
  /** The headline result, e.g. "PR AUC 0.71", and its delta against the baseline. */
  metric?: OgMetric | undefined;
  /** Bottom line: the owner's name. */
  footer: string;
  /** `rtl` for a card in a language written right to left: it is painted mirrored. */
  direction?: 'rtl' | undefined;
}

export interface OgMetric {
  /** "PR AUC 0.71" */
  value: string;
  /** "+0.33 vs baseline"; absent without a baseline. */
  delta?: string | undefined;
  verdict?: 'better' | 'worse' | 'unchanged' | undefined;
}

/** What a case-study card needs; the loaded case study fits. */
export interface OgCaseStudyInput {
  title: string;
  organization: string;
  metrics: readonly MetricInput[];
  /** With `fairness`, the card says "Evaluated across groups", as the home page's card does. */
  responsible?: { fairness?: object | undefined } | undefined;
  /** The case study's own language (`locale:`), when it is not the site's. */
  locale?: Locale | undefined;
}

/** What the home card needs; the profile fits. */
export interface OgProfileInput {
  name: string;
  headline: string;
}

/** Where a case study's card is published, relative to the base path; a member's under their folder. */
export function ogImagePath(slug: string, member?: string): string {
  return `og/${portfolioPath(member)}case-studies/${slug}.png`;
}

/**
 * Where the home page's card (also the default for every other page) is
 * published; in a cohort, the cohort home's, and each member's home has one
 * under the member's folder (`homeOgImagePath`).
 */
export const HOME_OG_IMAGE_PATH = 'og/home.png';

/** Where a portfolio's home card is published: the site's, or a member's. */
export function homeOgImagePath(member?: string): string {
  return `og/${portfolioPath(member)}home.png`;
}

/** The headline result as the card shows it, in `locale`: "PR AUC 0.71" and "+0.33 vs baseline". */
export function headlineMetric(
  metrics: readonly MetricInput[],
  locale: Locale = DEFAULT_LOCALE,
): OgMetric | undefined {
  const metric = primaryMetric(metrics);
  if (metric?.value === undefined) return undefined;
  const value = `${metric.name} ${formatMetricValue(metric.value, metric.unit, metric.decimals, locale)}`;
  const comparison = compareMetric(metric, locale, dictionary(locale).metric.percentagePoints);
  if (!comparison) return { value };
  return {
    value,
    delta: `${comparison.deltaText} ${dictionary(locale).og.vsBaseline}`,
    verdict: comparison.verdict,
  };
}

/** The headline result on one line: "PR AUC 0.71 · +0.33 vs baseline". */
export function headlineMetricText(metric: OgMetric): string {
  return metric.delta ? `${metric.value} · ${metric.delta}` : metric.value;
}

/**
 * A case study's card, in its own language or else `siteLocale`; a study
 * whose metrics are broken down by group (`responsible.fairness`) says so
 * in the eyebrow.
 */
export function caseStudyCard(
  study: OgCaseStudyInput,
  owner: string,
  siteLocale: Locale = DEFAULT_LOCALE,
): OgCard {
  const locale = study.locale ?? siteLocale;
  const t = dictionary(locale);
  return {
    eyebrow: study.responsible?.fairness
      ? `${t.og.caseStudy} · ${t.card.groupsMark}`
      : t.og.caseStudy,
    title: study.title,
    subtitle: study.organization,
    metric: headlineMetric(study.metrics, locale),
    footer: owner,
    ...rightToLeft(locale),
  };
}

/** A card's `direction` in `locale`: set only for a language written right to left. */
function rightToLeft(locale: Locale): Pick<OgCard, 'direction'> {
  return textDirection(locale) === 'rtl' ? { direction: 'rtl' } : {};
}

/** A card and where it is published, relative to the base path. */
export interface OgCardFile {
  path: string;
  card: OgCard;
}

/** Every card of a portfolio: one per published case study, and the home card. */
export function portfolioOgCards(
  studies: readonly (OgCaseStudyInput & { slug: string })[],
  profile: OgProfileInput,
  member?: string,
  locale: Locale = DEFAULT_LOCALE,
): OgCardFile[] {
  return [
    ...studies.map((study) => ({
      path: ogImagePath(study.slug, member),
      card: caseStudyCard(study, profile.name, locale),
    })),
    { path: homeOgImagePath(member), card: homeCard(profile, studies.length, locale) },
  ];
}

/** What the cohort home's card needs; cohort.yaml fits. */
export interface OgCohortInput {
  name: string;
  year?: number | undefined;
}

/** The cohort home's card: the program, and how many interns it shows. */
export function cohortOgCard(
  cohort: OgCohortInput,
  memberCount: number,
  locale: Locale = DEFAULT_LOCALE,
): OgCardFile {
  const t = dictionary(locale);
  return {
    path: HOME_OG_IMAGE_PATH,
    card: {
      eyebrow: t.og.cohort(cohort.year === undefined ? undefined : String(cohort.year)),
      title: cohort.name,
      subtitle: undefined,
      metric:
        memberCount > 0
          ? {
              value: plural(
                t.og.interns,
                memberCount,
                formatNumber(memberCount, undefined, locale),
                locale,
              ),
            }
          : undefined,
      footer: cohort.name,
      ...rightToLeft(locale),
    },
  };
}

/** A portfolio's home card, in the site's language. */
export function homeCard(
  profile: OgProfileInput,
  caseStudyCount: number,
  locale: Locale = DEFAULT_LOCALE,
): OgCard {
  const t = dictionary(locale);
  const count = formatNumber(caseStudyCount, undefined, locale);
  return {
    eyebrow: t.og.portfolio,
    title: profile.name,
    subtitle: profile.headline,
    metric:
      caseStudyCount > 0
        ? { value: plural(t.labels.caseStudies, caseStudyCount, count, locale) }
        : undefined,
    footer: profile.name,
    ...rightToLeft(locale),
  };
}

/**
 * The title's width in Latin-letter units: East Asian wide and fullwidth
 * characters take about twice the width of a Latin letter, so they count
 * double when choosing the title's size.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += eastAsianWidth(char.codePointAt(0) ?? 0);
  return width;
}

/** The title's font size in pixels: large for short titles, smaller so long ones fit in three lines. */
export function titleFontSize(title: string): number {
  const width = displayWidth(title);
  if (width <= 32) return 76;
  if (width <= 60) return 64;
  if (width <= 90) return 54;
  return 46;
}

/** Every word the card shows, for the missing-glyph check. */
export function ogCardText(card: OgCard): string {
  return [
    card.eyebrow,
    card.title,
    card.subtitle,
    card.metric?.value,
    card.metric?.delta,
    card.footer,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
}

/** The card's words as alt text: "Case study: Title. Organization. PR AUC 0.71 · +0.33 vs baseline." */
export function ogCardAlt(card: OgCard): string {
  const parts = [`${card.eyebrow}: ${card.title}`];
  if (card.subtitle) parts.push(card.subtitle);
  if (card.metric) parts.push(headlineMetricText(card.metric));
  return parts.map((part) => (/[.!?…]$/.test(part) ? part : `${part}.`)).join(' ');
}

/** The one-line warning for a card with characters no bundled font has. */
export function missingGlyphsWarning(label: string, missing: readonly string[]): string {
  return `${label}: no bundled font has glyphs for ${JSON.stringify(missing.join(''))}; they show as boxes in the social preview image.`;
}
