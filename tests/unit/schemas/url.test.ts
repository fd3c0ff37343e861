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
