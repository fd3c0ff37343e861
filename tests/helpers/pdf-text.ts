/**
 * PDFs read the way an applicant-tracking system reads them: the résumé
 * check's own reader (src/content/pdf-text.ts), so the browser test of the
 * printed résumé and `npm run check` judge a PDF by the same lines.
 */
export { readPdf, type PdfLine } from '../../src/content/pdf-text.ts';
