import { memoize } from 'es-toolkit/function';
import { textDirection } from '../i18n/locales.ts';

/**
 * Number formatting for display, in the language of the page (`locale`, a
 * BCP 47 tag; English by default): separators and digits come from Intl,
 * never from the build machine's own locale, so builds are byte-for-byte
 * reproducible.
 */

/** The language numbers are written in when a caller names none. */
const DEFAULT_LOCALE = 'en';

/** The minus sign typographers use, so negative numbers line up and read as "minus". */
export const MINUS = '\u2212';

/**
 * A sign before a number, kept with it in right-to-left text: Arabic
 * writes a left-to-right mark first, as Intl does (`‎−3.3`), or the sign
 * would show on the number's right.
 */
function signed(sign: string, body: string, locale: string): string {
  return `${signMark(locale)}${sign}${body}`;
}

const signMark = memoize((locale: string) => (textDirection(locale) === 'rtl' ? '\u200e' : ''));

/**
 * A formatter with exactly `decimals` digits after the point, made once per
 * count: creating an Intl.NumberFormat costs far more than formatting, and
 * chart tables format thousands of cells per build.
 */
const fixedFormats = memoize((key: string) => {
  const [locale = DEFAULT_LOCALE, decimals = '0'] = key.split('|');
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: Number(decimals),
    maximumFractionDigits: Number(decimals),
  });
});
const fixed = (decimals: number, locale: string) => fixedFormats(`${locale}|${decimals}`);

/** Whole numbers of any size, grouped as `locale` groups them (`1,200,000`, `1.200.000`). */
const integers = memoize((locale: string) => new Intl.NumberFormat(locale));

/** `locale`'s decimal separator: `.` in English, `,` in German. */
const decimalSeparator = memoize(
  (locale: string) =>
    integers(locale)
      .formatToParts(1.5)
      .find((part) => part.type === 'decimal')?.value ?? '.',
);

/**
 * `1200000` -> `1,200,000`; `0.91` stays `0.91`: every written digit kept
 * (the shortest digits that are the number, as {@link writtenNumberProblem}
 * makes sure they are the digits written), however large or small;
 * `−3` for negatives. With `decimals`, exactly that many digits after the point.
 */
export function formatNumber(
  value: number,
  decimals?: number,
  locale: string = DEFAULT_LOCALE,
): string {
  const key = `${locale}|${decimals ?? ''}|${value}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
    text = formatUncached(value, decimals, locale);
    formatted.set(key, text);
  }
  return text;
}

/**
 * Numbers already written, by language, decimals and value: a site's home,
 * tag and skill pages show each study's metrics again (about 40,000 numbers
 * at 1,000 case studies, 0.2 s of the render). Emptied when full, so chart
 * tables of many distinct values cannot grow it without bound.
 */
const formatted = new Map<string, string>();
const FORMATTED_LIMIT = 20_000;

function formatUncached(value: number, decimals: number | undefined, locale: string): string {
  const body =
    decimals === undefined
      ? groupThousands(plainDigits(Math.abs(value)), locale)
      : fixed(decimals, locale).format(Math.abs(value));
  return value < 0 && !/^[0.,\s\u00a0\u202f٫٬]+$/.test(body) ? signed(MINUS, body, locale) : body;
}

/** A number's digits and where its point goes: 1.5e-7 -> `15` and -6 (0.00000015). */
interface Digits {
  /** The significant digits, without leading or trailing zeros; empty for 0. */
  digits: string;
  /** The power of ten of the first digit, plus one: 0.91 -> 0, 35 -> 2. */
  point: number;
}

/** The significant digits of a decimal numeral (`12.50`, `1.5e-7`, `0012`); undefined for anything else. */
function numeralDigits(text: string): Digits | undefined {
  const match = /^[-+]?(\d*)(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(text);
  if (!match) return undefined;
  const [, whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  const all = `${whole}${fraction}`;
  const leading = /^0*/.exec(all)?.[0].length ?? 0;
  const digits = all.slice(leading).replace(/0+$/, '');
  return { digits, point: digits === '' ? 0 : whole.length - leading + Number(exponent) };
}

/** A non-negative finite number written out in full, without exponent: 1e21 -> `1000000000000000000000`. */
function plainDigits(value: number): string {
  const { digits, point } = numeralDigits(String(value)) ?? { digits: '', point: 0 };
  if (digits === '') return '0';
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${digits}${'0'.repeat(point - digits.length)}`;
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** `locale`'s digits 0 to 9, as Intl writes them, looked up once per language. */
const localDigits = memoize((locale: string) =>
  Array.from({ length: 10 }, (_, digit) => integers(locale).format(digit)),
);

/**
 * `1234567.5` -> `1,234,567.5` (`1.234.567,5` in German): the whole part
 * grouped by Intl as a BigInt, so no digit is lost however long, and the
 * fraction's digits kept as written, in the language's digits.
 */
function groupThousands(plain: string, locale: string): string {
  const [whole = '0', fraction] = plain.split('.');
  const format = integers(locale);
  const grouped = format.format(BigInt(whole));
  if (fraction === undefined) return grouped;
  const digits = fraction.replace(/\d/g, (digit) => localDigits(locale)[Number(digit)] ?? digit);
  return `${grouped}${decimalSeparator(locale)}${digits}`;
}

/**
 * Why a number written in content cannot be shown as written, or undefined
 * when it can: a number is held as a 64-bit float, which keeps any 15
 * significant digits (and the 16 or 17 that Python or JavaScript print for
 * a float), not more; nor beyond about ±1.8e308, nor closer to 0 than about
 * 5e-324. `text` is the number as written in the file, `value` what it was
 * read as. Other forms (`0x1F`, `.inf`) are checked for what they hold:
 * a whole number up to 2^53, or left to the schema.
 */
export function writtenNumberProblem(text: string, value: number): string | undefined {
  if (Number.isNaN(value)) return undefined;
  const written = numeralDigits(text.replaceAll('_', ''));
  if (written === undefined) {
    if (!Number.isFinite(value) || Number.isSafeInteger(value)) return undefined;
    return `${text} is beyond the whole numbers a number holds exactly (up to 9007199254740991); write it in decimal with at most 15 significant digits`;
  }
  if (!Number.isFinite(value)) {
    return `${text} is beyond the largest number a page can show (about 1.8e308); use a larger unit`;
  }
  if (value === 0 && written.digits !== '') {
    return `${text} is too close to 0 for a number to hold (the smallest is about 5e-324); use a smaller unit`;
  }
  const held = numeralDigits(String(Math.abs(value)));
  const same =
    held?.digits === written.digits && (held.digits === '' || held.point === written.point);
  if (same) return undefined;
  return `${text} has more digits than a number holds exactly and would show as ${formatNumber(value)}; write at most 15 significant digits`;
}

/** Digits after the decimal point as the number is written: 0.91 -> 2, 35 -> 0. */
export function decimalPlaces(value: number): number {
  const { digits, point } = numeralDigits(String(value)) ?? { digits: '', point: 0 };
  return Math.max(0, digits.length - point);
}

/**
 * Rounds away float noise (0.91 - 0.78 = 0.13000000000000012) to `places`
 * decimals. Never overflows: a number too large to have digits that far
 * after the point is returned as it is, and tiny numbers keep theirs
 * (2e-25 stays 2e-25 at 25 places).
 */
export function roundTo(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  if (places <= 12) {
    const factor = 10 ** places;
    const scaled = value * factor;
    if (Math.abs(scaled) < 2 ** 52) return Math.round(scaled) / factor;
  }
  return Number(value.toFixed(Math.min(places, 100)));
}

/** A number with an explicit sign: `+0.13`, `−85`, `0`. */
export function formatSigned(
  value: number,
  decimals?: number,
  locale: string = DEFAULT_LOCALE,
): string {
  if (value === 0) return formatNumber(0, decimals, locale);
  const body = formatNumber(Math.abs(value), decimals, locale);
  return signed(value > 0 ? '+' : MINUS, body, locale);
}

/** The formatters of `formatReadable`, made once per language. */
const readableFormats = memoize((locale: string) => ({
  readable: new Intl.NumberFormat(locale, { maximumSignificantDigits: 5 }),
  readableLarge: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
  scientific: new Intl.NumberFormat(locale, {
    notation: 'scientific',
    maximumSignificantDigits: 4,
  }),
}));

/**
 * A measured number for reading, without float noise: TensorBoard's
 * 0.6930999755859375 becomes 0.6931. Large values keep every integer digit
 * (1,234,567). `decimals` fixes the digits after the point instead.
 */
export function formatReadable(
  value: number,
  decimals?: number,
  locale: string = DEFAULT_LOCALE,
): string {
  if (!Number.isFinite(value))
    return value > 0 ? '∞' : value < 0 ? signed(MINUS, '∞', locale) : '—';
  const { readable, readableLarge, scientific } = readableFormats(locale);
  const tiny = value !== 0 && Math.abs(value) < 1e-4 && decimals === undefined;
  const body = tiny
    ? scientific.format(Math.abs(value))
    : decimals !== undefined
      ? fixed(decimals, locale).format(Math.abs(value))
      : Math.abs(value) >= 100_000
        ? readableLarge.format(Math.abs(value))
        : readable.format(Math.abs(value));
  const isZero = /^[0.,\s\u00a0\u202f٫٬]+$/.test(body);
  return value < 0 && !isZero ? signed(MINUS, body, locale) : body;
}
