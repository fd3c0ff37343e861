/**
 * Number formatting for display. Fixed to en-US so output does not depend on
 * the build machine's locale (builds are byte-for-byte reproducible).
 */

/** The minus sign typographers use, so negative numbers line up and read as "minus". */
export const MINUS = '\u2212';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/** `1200000` -> `1,200,000`; `0.91` stays `0.91`: every written digit kept; `−3` for negatives. */
export function formatNumber(value: number): string {
  return value < 0 ? `${MINUS}${grouped.format(-value)}` : grouped.format(value);
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
export function formatSigned(value: number): string {
  if (value === 0) return '0';
  const body = formatNumber(Math.abs(value));
  return value > 0 ? `+${body}` : `${MINUS}${body}`;
}
