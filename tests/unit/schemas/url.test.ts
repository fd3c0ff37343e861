import { describe, expect, it } from 'vitest';
import { webUrlSchema } from '../../../src/schemas/url.ts';

describe('webUrlSchema', () => {
  it('accepts a URL written as a link holds it', () => {
    expect(webUrlSchema.safeParse('https://github.com/ada?a=1&b=%3C2%3E').success).toBe(true);
  });

  it.each([
    ['<', 'https://github.com/ada?b=<2>', '%3C'],
    ['"', 'https://example.com/a"b', '%22'],
    [' ', 'https://example.com/a b', '%20'],
  ])(
    'refuses %j, which no valid page can write into an href, and says how to write it',
    (_, url, encoded) => {
      const result = webUrlSchema.safeParse(url);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toContain(`write it percent-encoded (${encoded})`);
    },
  );
});

describe('webUrlSchema and what looks like part of an address', () => {
  const refusal = (url: string) => {
    const parsed = webUrlSchema.safeParse(url);
    return parsed.success ? undefined : parsed.error.issues[0]?.message;
  };

  it('refuses a bidirectional control, which shows one address and leads to another', () => {
    expect(refusal('https://example.com/\u202Eexe.fdp')).toMatch(/bidirectional control U\+202E/);
  });

  it('says to drop a backslash that escapes the next character, as BibTeX exports write', () => {
    expect(refusal('https://example.com/a\\%20b')).toBe(
      'a URL cannot hold "\\\\" as it is; remove it if it escapes the next character (as \\% and \\_ do in LaTeX), or write it percent-encoded (%5C), got "https://example.com/a\\\\%20b"',
    );
  });
});
