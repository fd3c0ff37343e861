/**
 * WCAG contrast arithmetic for hex colours, used to make syntax-highlighting
 * themes readable: every token colour must reach 4.5:1 on its background.
 */

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb | undefined {
  const clean = hex.replace(/^#/, '');
  const full =
    clean.length === 3 || clean.length === 4
      ? [...clean.slice(0, 3)].map((c) => c + c).join('')
      : clean.slice(0, 6);
  if (!/^[0-9a-f]{6}$/i.test(full)) return undefined;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG contrast ratio of two colours, from 1 to 21; undefined for colours it cannot read. */
export function contrastRatio(a: string, b: string): number | undefined {
  const x = parseHex(a);
  const y = parseHex(b);
  if (!x || !y) return undefined;
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The colour moved toward black (on light backgrounds) or white (on dark
 * ones) just far enough to reach `minimum` contrast; unchanged when it
 * already does. Hue is kept, so a theme still looks like itself.
 */
export function ensureContrast(foreground: string, background: string, minimum = 4.5): string {
  const fg = parseHex(foreground);
  const bg = parseHex(background);
  if (!fg || !bg || (contrastRatio(foreground, background) ?? 0) >= minimum) return foreground;
  // Move toward whichever extreme contrasts more with the background: on
  // mid-tones (a blue button) that is not always the obvious one.
  const target =
    (contrastRatio('#000000', background) ?? 0) >= (contrastRatio('#ffffff', background) ?? 0)
      ? 0
      : 255;
  for (let step = 1; step <= 20; step++) {
    const t = step / 20;
    const mixed = fg.map((v) => v + (target - v) * t) as Rgb;
    const candidate = toHex(mixed);
    if ((contrastRatio(candidate, background) ?? 0) >= minimum) return candidate;
  }
  return toHex([target, target, target]);
}
