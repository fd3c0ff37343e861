import { z } from 'astro/zod';
import { LOCALES } from '../i18n/locales.ts';

/**
 * A language Casefolio's pages can be written in: `en`, `de`, `es`, `fr`,
 * `pt`, `zh-Hans` (Simplified Chinese) or `ar` (Arabic, right to left). It
 * picks the words of every heading and label, how numbers and dates are
 * written, and the page's `<html lang dir>`. Anything else is an error
 * listing these, with the closest as a suggestion (`de-DE` -> `de`).
 */
export const localeSchema = z.enum(LOCALES);
