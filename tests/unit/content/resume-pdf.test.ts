import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { checkAll } from '../../../src/content/check-all.ts';
import { checkContent } from '../../../src/content/check.ts';
import { checkResumePdf, unopenable } from '../../../src/content/resume-pdf.ts';
import {
  PdfLimitError,
  closePdfReader,
  readPdfWithin,
  type PdfLimits,
} from '../../../src/content/pdf-text.ts';
import { MAX_RESUME_PDF_BYTES } from '../../../src/files/size-limit.ts';
import { formatFinding } from '../../../src/problems/problem.ts';

// The PDFs, made by Chromium (tests/fixtures/resume-pdfs/README.md).
const fixtures = path.join(import.meta.dirname, '../../fixtures/resume-pdfs');
const pdf = (name: string) => fs.readFileSync(path.join(fixtures, name));

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-resume-pdf-'));
const contentDir = path.join(root, 'content');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
beforeEach(() => fs.rmSync(contentDir, { recursive: true, force: true }));

/** The profile of the fixtures' Ada: line 7 names the résumé. */
const ADA = `name: Ada Fixture
headline: Data science intern
email: ada@example.com
links:
  - { label: GitHub, url: https://github.com/ada-fixture }
  - { label: Email me, url: "mailto:ada@example.com" }
resume: ./resume.pdf
`;

function write(files: Record<string, string | Buffer>, dir = contentDir) {
  for (const [name, body] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body);
  }
}

/** The lines `npm run check` prints for a profile and its résumé. */
async function check(resume: Buffer | undefined, profile = ADA): Promise<string[]> {
  write({ 'profile.yaml': profile, ...(resume ? { 'resume.pdf': resume } : {}) });
  const report = checkContent({ root, contentDir });
  const findings = await checkResumePdf(report);
  expect(findings.every((finding) => finding.rule === 'resume-pdf')).toBe(true);
  return findings.map(formatFinding);
}

/** The same, with the reader's limits set low. */
async function checkLimited(resume: Buffer, limits: PdfLimits): Promise<string[]> {
  write({ 'profile.yaml': ADA, 'resume.pdf': resume });
  return (await checkResumePdf(checkContent({ root, contentDir }), limits)).map(formatFinding);
}

const at = 'content/profile.yaml:7: resume:';

describe('a résumé PDF as an applicant-tracking system reads it', () => {
  it('passes a one-column résumé of text with the name first, the email and the links', async () => {
    expect(await check(pdf('one-column.pdf'))).toEqual([]);
  });

  it('takes dates or places beside many entries for one column', async () => {
    expect(await check(pdf('dates-at-the-right.pdf'))).toEqual([]);
    // And a place at a tab stop above lines that run across it.
    expect(await check(pdf('places-at-the-right.pdf'))).toEqual([]);
  });

  it('warns about two columns side by side', async () => {
    expect(await check(pdf('two-column.pdf'))).toEqual([
      `${at} warning: page 1 of ./resume.pdf has two columns side by side (text 51 pt and 263 pt from the page's left edge, on 11 and 12 lines): an applicant-tracking system reads a page line by line, across both, and mixes them; put everything in one column, as the site's résumé page prints`,
    ]);
  });

  it('refuses a picture of text, which has no text to read', async () => {
    expect(await check(pdf('image-only.pdf'))).toEqual([
      `${at} ./resume.pdf has no text an applicant-tracking system can read: its pages are pictures (a scan, or text saved as an image), so the system sees an empty résumé; export it from the document you wrote it in as a PDF with text, or save the site's résumé page as PDF from your browser (Print, then Save as PDF)`,
    ]);
  });

  it('warns when ligatures keep the name and email from coming out as letters', async () => {
    const rafi = ADA.replace('Ada Fixture', 'Rafi Schofield')
      .replaceAll('ada@example.com', 'rafi@example.com')
      .replace('ada-fixture', 'rafi-schofield');
    const fix =
      'which no search for the letters matches; turn ligatures off (CSS font-variant-ligatures: none, or a font without them) and export it again';
    expect(await check(pdf('ligatures.pdf'), rafi)).toEqual([
      `${at} warning: your name "Rafi Schofield" does not come out of ./resume.pdf as text: it comes out as "Raﬁ Schoﬁeld", with the ligature ﬁ in place of letters, ${fix}`,
      `${at} warning: your email rafi@example.com does not come out of ./resume.pdf as text: it comes out as "raﬁ@example.com", with the ligature ﬁ in place of letters, ${fix}`,
    ]);
  });

  it('warns about ligatures elsewhere in the text, once', async () => {
    // A name the text has without ligatures (a line of it), no email, a link that is a link.
    const other = ADA.replace('Ada Fixture', 'Data engineering intern')
      .replace('email: ada@example.com\n', '')
      .replace('ada-fixture', 'rafi-schofield');
    const lines = await check(pdf('ligatures.pdf'), other);
    expect(lines).toEqual([
      `content/profile.yaml:6: resume: warning: 7 words of ./resume.pdf come out with ligatures ("Raﬁ", "Schoﬁeld", "raﬁ@example.com", …): a ligature such as "ﬁ" is one character, so a search for "Rafi" misses it; turn ligatures off (CSS font-variant-ligatures: none, or a font without them) and export it again`,
    ]);
  });

  it('warns when the file draws the text in another order than the page shows', async () => {
    expect(await check(pdf('drawn-out-of-order.pdf'))).toEqual([
      `${at} warning: ./resume.pdf shows your name at the top but draws it after 90% of its text, so an applicant-tracking system that reads the file's order does not find it first; export it again from a document where the name is written first`,
      `${at} warning: ./resume.pdf draws 33% of its text in another order than its pages show it, so an applicant-tracking system that reads the file's order gets the résumé shuffled; export it again from one document that flows top to bottom (a page laid out with positioned boxes or a grid out of order is drawn that way)`,
    ]);
  });

  it('warns when the name is not among the first lines', async () => {
    expect(await check(pdf('name-at-the-end.pdf'))).toEqual([
      `${at} warning: your name is line 16 of ./resume.pdf, not among the first 5: an applicant-tracking system takes the name from the top of the résumé; put it first`,
    ]);
  });

  it('warns when the name, the email or a web link is not in the text', async () => {
    const other = ADA.replace('Ada Fixture', 'Grace Hopper')
      .replaceAll('ada@example.com', 'grace@example.com')
      .replace('https://github.com/ada-fixture', 'https://www.kaggle.com/grace/');
    expect(await check(pdf('one-column.pdf'), other)).toEqual([
      `${at} warning: your name "Grace Hopper" does not come out of ./resume.pdf as text, so an applicant-tracking system cannot tell whose résumé it is; write it at the top as text, spelled as in profile.yaml (not in a picture, nor in a font without real letters)`,
      `${at} warning: your email grace@example.com does not come out of ./resume.pdf as text, so an applicant-tracking system cannot contact you; write it out in full as text`,
      `${at} warning: your link https://www.kaggle.com/grace/ (GitHub) is neither text nor a link in ./resume.pdf, so an applicant-tracking system does not see it; write its address out (such as kaggle.com/grace) and make it a link`,
    ]);
  });

  it('finds a link as text or as a link, whatever the case, "www." or last slash', async () => {
    const shown = ADA.replace(
      'https://github.com/ada-fixture',
      'https://www.GitHub.com/ada-fixture/',
    );
    expect(await check(pdf('one-column.pdf'), shown)).toEqual([]);
    // Its text comes out ligated (github.com/raﬁ-schoﬁeld), its link annotation as written.
    const rafi = ADA.replace('Ada Fixture', 'Rafi Schofield').replace(
      'ada-fixture',
      'rafi-schofield',
    );
    const lines = await check(pdf('ligatures.pdf'), rafi);
    expect(lines.filter((line) => line.includes('link'))).toEqual([]);
  });
});

describe('a résumé that is not a readable PDF', () => {
  it('refuses a file over 2.5 MB before reading it, and says how to shrink it', async () => {
    // A real PDF with a long comment after its end: Chromium's file, padded.
    const big = Buffer.concat([pdf('one-column.pdf'), Buffer.alloc(MAX_RESUME_PDF_BYTES, '%')]);
    expect(await check(big)).toEqual([
      `${at} ./resume.pdf is 2.53 MB, over the 2.5 MB that applicant-tracking systems take; export it again with its pictures compressed or left out (a résumé of text is under 200 KB), or save the site's résumé page as PDF from your browser`,
    ]);
    // At the limit it is read.
    expect(await check(big.subarray(0, MAX_RESUME_PDF_BYTES))).toEqual([]);
  });

  it('refuses a file that is not a PDF, naming what it is', async () => {
    expect(await check(pdf('png-named-pdf.pdf'))).toEqual([
      `${at} ./resume.pdf is not a PDF (it is a PNG image named .pdf); export it from the document you wrote it in as a PDF with text, or save the site's résumé page as PDF from your browser (Print, then Save as PDF)`,
    ]);
    expect(await check(Buffer.from('Ada Fixture, data science intern\n'))).toEqual([
      `${at} ./resume.pdf is not a PDF (it does not start with %PDF-); export it from the document you wrote it in as a PDF with text, or save the site's résumé page as PDF from your browser (Print, then Save as PDF)`,
    ]);
  });

  it('refuses a damaged PDF', async () => {
    const good = pdf('one-column.pdf');
    expect(await check(good.subarray(0, good.length / 2))).toEqual([
      `${at} ./resume.pdf cannot be read as a PDF: it is damaged or cut short; export it again`,
    ]);
  });

  it('refuses a PDF protected by a password', async () => {
    expect(await check(encryptedPdf())).toEqual([
      `${at} ./resume.pdf is protected by a password, so applicant-tracking systems cannot open it; export it again without a password`,
    ]);
  });

  it('leaves a path with a problem to the path check, and a profile without a résumé alone', async () => {
    expect(await check(undefined)).toEqual([]);
    expect(await check(undefined, ADA.replace('resume: ./resume.pdf\n', ''))).toEqual([]);
  });
});

/**
 * A one-page PDF whose content stream is `content`, deflated: a few hundred
 * kilobytes on disk, far under the size limit, that a reader must inflate
 * and parse. Its cross-reference table is left out: readers, PDF.js
 * included, rebuild it.
 */
function pdfAround(content: Buffer): Buffer {
  const stream = deflateSync(content, { level: 9 });
  return Buffer.concat([
    Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
        '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
        '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R' +
        ' /Resources << /Font << /F1 5 0 R >> >> >> endobj\n' +
        '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n' +
        `4 0 obj << /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`,
      'latin1',
    ),
    stream,
    Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

/** 400,000 pieces of text drawn one by one: 47 KB that a reader turns into as many objects. */
const manyPieces = () =>
  pdfAround(Buffer.from('BT /F1 1 Tf 1 0 0 1 10 10 Tm (ab) Tj ET\n'.repeat(400_000)));
/** 200 MB of spaces to inflate: 200 KB on disk. */
const inflating = () => pdfAround(Buffer.alloc(200 * 1024 * 1024, ' '));

describe('a PDF that would take a reader more time or memory than a résumé does', () => {
  afterAll(closePdfReader);

  it('stops the read at the memory limit, in its own thread, and reads the next file as usual', async () => {
    const read = readPdfWithin(manyPieces(), {}, { timeoutMs: 60_000, memoryMb: 32 });
    await expect(read).rejects.toThrow(PdfLimitError);
    await expect(read).rejects.toMatchObject({ limit: 'memoryMb', value: 32 });
    // The check goes on: the next PDF gets a new thread.
    const next = await readPdfWithin(pdf('one-column.pdf'));
    expect(next.drawn).toContain('Ada Fixture');
  });

  it('stops the read at the time limit', async () => {
    const read = readPdfWithin(inflating(), {}, { timeoutMs: 300, memoryMb: 256 });
    await expect(read).rejects.toMatchObject({ limit: 'timeoutMs', value: 300 });
    expect((await readPdfWithin(pdf('one-column.pdf'))).pages).toBe(1);
  });

  it('is refused with one line that says what the file does and what to do', async () => {
    const slow = await checkLimited(inflating(), { timeoutMs: 300, memoryMb: 256 });
    expect(slow).toEqual([
      `${at} ./resume.pdf takes over 0.3 s to read, far more than any résumé (a few pages read in under a second): it is damaged or built to stall a reader, and applicant-tracking systems give up on it too; export it again`,
    ]);
    const large = await checkLimited(manyPieces(), { timeoutMs: 60_000, memoryMb: 32 });
    expect(large).toEqual([
      `${at} ./resume.pdf needs over 32 MB of memory to read, far more than any résumé (a few pages read in under a second): it is damaged or built to stall a reader, and applicant-tracking systems give up on it too; export it again`,
    ]);
    expect(`./resume.pdf ${unopenable(new PdfLimitError('timeoutMs', 10_000))}`).toContain(
      './resume.pdf takes over 10 s to read,',
    );
  });
});

describe('the check of everything', () => {
  it("names a cohort member's résumé in the member's folder", async () => {
    write({ 'cohort.yaml': 'name: Fixture Lab\n' });
    write(
      { 'profile.yaml': ADA, 'resume.pdf': pdf('two-column.pdf') },
      path.join(contentDir, 'people/ada'),
    );
    write(
      { 'profile.yaml': ADA, 'resume.pdf': pdf('one-column.pdf') },
      path.join(contentDir, 'people/bea'),
    );
    const { findings } = await checkAll(
      { root, contentDir, publicDir: path.join(root, 'public') },
      { sections: [], privateHostSuffixes: [], cardSummaryLength: 200, notebookSizeLimit: 20 },
    );
    expect(
      findings
        .filter((finding) => finding.rule === 'resume-pdf')
        .map((finding) => [finding.file, finding.line, finding.severity]),
    ).toEqual([['content/people/ada/profile.yaml', 7, 'warning']]);
  });

  it('does not load PDF.js until a profile names a PDF', () => {
    const lister = fileURLToPath(
      new URL('../../fixtures/module-graph/loaded-modules.ts', import.meta.url),
    );
    const checker = fileURLToPath(new URL('../../../src/content/check-all.ts', import.meta.url));
    const loaded = JSON.parse(
      execFileSync(process.execPath, [lister, checker], { encoding: 'utf8' }),
    ) as string[];
    expect(loaded.some((url) => url.includes('/src/content/resume-pdf.ts'))).toBe(true);
    expect(loaded.filter((url) => url.includes('pdfjs-dist'))).toEqual([]);
  });
});

/**
 * A PDF encrypted by the standard security handler (RC4, revision 2), whose
 * `/U` entry does not match the empty user password: a reader must ask for
 * a password, as for a résumé saved with "Require a password to open".
 */
function encryptedPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries.join('')}`;
  const id = `<${'01'.repeat(16)}>`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [${id} ${id}] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
