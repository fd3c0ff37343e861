import { memoize } from 'es-toolkit/function';

/**
 * Number formatting for display. Fixed to en-US so output does not depend on
 * the build machine's locale (builds are byte-for-byte reproducible).
 */

/** The minus sign typographers use, so negative numbers line up and read as "minus". */
export const MINUS = '\u2212';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/**
 * A formatter with exactly `decimals` digits after the point, made once per
 * count: creating an Intl.NumberFormat costs far more than formatting, and
 * chart tables format thousands of cells per build.
 */
const fixed = memoize(
  (decimals: number) =>
    new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }),
);

/**
 * `1200000` -> `1,200,000`; `0.91` stays `0.91`: every written digit kept;
 * `−3` for negatives. With `decimals`, exactly that many digits after the point.
 */
export function formatNumber(value: number, decimals?: number): string {
  const format = decimals === undefined ? grouped : fixed(decimals);
  const body = format.format(Math.abs(value));
  return value < 0 && !/^[0.,]+$/.test(body) ? `${MINUS}${body}` : body;
}

/** Digits after the decimal point as the number is written: 0.91 -> 2, 35 -> 0. */
export function decimalPlaces(value: number): number {
  const text = String(value);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]) + (text.split('e')[0]?.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

/** Rounds away float noise (0.91 - 0.78 = 0.13000000000000012) to `places` decimals. */
export function roundTo(value: number, places: number): number {
  const factor = 10 ** Math.min(places, 12);
  return Math.round(value * factor) / factor;
}

/** A number with an explicit sign: `+0.13`, `−85`, `0`. */
export function formatSigned(value: number, decimals?: number): string {
  if (value === 0) return formatNumber(0, decimals);
  const body = formatNumber(Math.abs(value), decimals);
  return value > 0 ? `+${body}` : `${MINUS}${body}`;
}

const readable = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 5 });
const readableLarge = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const scientific = new Intl.NumberFormat('en-US', {
  notation: 'scientific',
  maximumSignificantDigits: 4,
});

/**
 * A measured number for reading, without float noise: TensorBoard's
 * 0.6930999755859375 becomes 0.6931. Large values keep every integer digit
 * (1,234,567). `decimals` fixes the digits after the point instead.
 */
export function formatReadable(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? `${MINUS}∞` : '—';
  const tiny = value !== 0 && Math.abs(value) < 1e-4 && decimals === undefined;
  const body = tiny
    ? scientific.format(Math.abs(value))
    : decimals !== undefined
      ? fixed(decimals).format(Math.abs(value))
      : Math.abs(value) >= 100_000
        ? readableLarge.format(Math.abs(value))
        : readable.format(Math.abs(value));
  const isZero = /^[0.,]+$/.test(body);
  return value < 0 && !isZero ? `${MINUS}${body}` : body;
}
