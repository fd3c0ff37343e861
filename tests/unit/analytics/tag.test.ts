import { describe, expect, it } from 'vitest';
import { analyticsTag } from '../../../src/analytics/tag.ts';
import { analyticsSchema } from '../../../src/schemas/analytics.ts';

const tag = (options: unknown) => analyticsTag(analyticsSchema.parse(options));

/** The schema's first message for options it refuses. */
function refusal(options: unknown): string {
  const result = analyticsSchema.safeParse(options);
  if (result.success) throw new Error('accepted');
  return JSON.stringify(result.error.issues);
}

describe('analyticsTag', () => {
  it('writes each provider’s own script, without inline code, and the origins it needs', () => {
    expect(tag({ provider: 'plausible', domain: 'ada.github.io' })).toEqual({
      src: 'https://plausible.io/js/script.js',
      attributes: { defer: true, 'data-domain': 'ada.github.io' },
      scriptOrigins: ['https://plausible.io'],
      connectOrigins: ['https://plausible.io'],
    });
    expect(tag({ provider: 'umami', websiteId: '94db1cb1-74f4-4a40-ad6c-962362670409' })).toEqual({
      src: 'https://cloud.umami.is/script.js',
      attributes: { defer: true, 'data-website-id': '94db1cb1-74f4-4a40-ad6c-962362670409' },
      scriptOrigins: ['https://cloud.umami.is'],
      connectOrigins: ['https://cloud.umami.is', 'https://gateway.umami.is'],
    });
    expect(tag({ provider: 'goatcounter', code: 'ada' })).toEqual({
      src: 'https://gc.zgo.at/count.js',
      attributes: { async: true, 'data-goatcounter': 'https://ada.goatcounter.com/count' },
      scriptOrigins: ['https://gc.zgo.at'],
      connectOrigins: ['https://ada.goatcounter.com'],
    });
    expect(tag({ provider: 'cloudflare', token: '0123456789abcdef0123456789abcdef' })).toEqual({
      src: 'https://static.cloudflareinsights.com/beacon.min.js',
      attributes: { defer: true, 'data-cf-beacon': '{"token":"0123456789abcdef0123456789abcdef"}' },
      scriptOrigins: ['https://static.cloudflareinsights.com'],
      connectOrigins: ['https://cloudflareinsights.com'],
    });
  });

  it('loads another service’s script from its URL, and lets it send where it says', () => {
    expect(
      tag({
        script: 'https://stats.example.org/js/tracker.js',
        connect: ['https://collect.example.org/api', 'https://stats.example.org/x'],
      }),
    ).toEqual({
      src: 'https://stats.example.org/js/tracker.js',
      attributes: { defer: true },
      scriptOrigins: ['https://stats.example.org'],
      connectOrigins: ['https://stats.example.org', 'https://collect.example.org'],
    });
  });
});

describe('analyticsSchema', () => {
  it('refuses what would load a script over http, or send the domain in the wrong form', () => {
    expect(refusal({ script: 'http://stats.example.org/t.js' })).toContain(
      'must be an https:// URL',
    );
    expect(refusal({ provider: 'plausible', domain: 'https://ada.github.io/' })).toContain(
      'must be a host name such as ada.github.io',
    );
    expect(refusal({ provider: 'umami', websiteId: 'abc' })).toContain('a UUID');
    expect(refusal({ provider: 'goatcounter', code: 'Ada Lovelace' })).toContain(
      'lower-case letters, digits and hyphens',
    );
    expect(refusal({ provider: 'cloudflare', token: 'xyz' })).toContain('32-character token');
  });

  it('refuses a provider it does not know, and keys a provider does not take', () => {
    expect(() => analyticsSchema.parse({ provider: 'google', id: 'G-1' })).toThrow();
    expect(() =>
      analyticsSchema.parse({ provider: 'plausible', domain: 'ada.github.io', cookies: true }),
    ).toThrow();
  });
});
