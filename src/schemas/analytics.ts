import { z } from 'astro/zod';

/**
 * `casefolio({ analytics })`: a privacy-first analytics service, off by
 * default. Each provider's script is added to every page and its origins to
 * the Content-Security-Policy, only when it is chosen (analytics/tag.ts).
 */

/** A host name as a provider names a site: letters, digits, dots and hyphens. */
const hostName = z
  .string()
  .trim()
  .refine(
    (value) => /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(value),
    {
      error: 'must be a host name such as ada.github.io, without https:// or a path',
    },
  );

/** Whether text is an https URL. */
function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** An https URL: a script must come over https. */
const httpsUrl = z.string().refine(isHttpsUrl, { error: 'must be an https:// URL' });

const providerSchema = z.discriminatedUnion('provider', [
  z.strictObject({
    /** Plausible (plausible.io): no cookies, counts page views by domain. */
    provider: z.literal('plausible'),
    /** The site's domain as added in Plausible, such as `ada.github.io`. */
    domain: hostName,
  }),
  z.strictObject({
    /** Umami Cloud (cloud.umami.is): no cookies. */
    provider: z.literal('umami'),
    /** The website ID Umami shows for the site (a UUID). */
    websiteId: z
      .string()
      .refine((value) => /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value), {
        error: 'must be the website ID Umami shows, a UUID',
      }),
  }),
  z.strictObject({
    /** GoatCounter (goatcounter.com): no cookies. */
    provider: z.literal('goatcounter'),
    /** The site's code: `ada` for ada.goatcounter.com. */
    code: z
      .string()
      .trim()
      .refine((value) => /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/.test(value), {
        error: 'must be the code of ada.goatcounter.com: lower-case letters, digits and hyphens',
      }),
  }),
  z.strictObject({
    /** Cloudflare Web Analytics: no cookies. */
    provider: z.literal('cloudflare'),
    /** The site token from the JavaScript snippet Cloudflare shows (32 hexadecimal digits). */
    token: z.string().refine((value) => /^[0-9a-f]{32}$/.test(value), {
      error: 'must be the 32-character token of the snippet Cloudflare shows',
    }),
  }),
]);

const scriptSchema = z.strictObject({
  provider: z.literal('script'),
  /** Another service's script, loaded with `defer` from this https URL. */
  script: httpsUrl,
  /** Where that script sends its data, if not to the script's own origin: https URLs whose origins the page may connect to. */
  connect: z.array(httpsUrl).max(4).optional(),
});

/**
 * A provider by name, or another service's script (`{ script }`, read as
 * provider `script`), so that a problem is reported against the one the
 * options meant: zod's plain union would name the fields of the other.
 */
export const analyticsSchema = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && 'script' in value && !('provider' in value)
      ? { provider: 'script', ...value }
      : value,
  z.discriminatedUnion('provider', [...providerSchema.options, scriptSchema], {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? 'must be plausible, umami, goatcounter or cloudflare; for another service, give script: with its https URL instead'
        : undefined,
  }),
);

export type AnalyticsOptions = z.output<typeof analyticsSchema>;
