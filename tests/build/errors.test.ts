import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  casefolioCacheDir,
  listFiles,
  projectRoot,
  type BuildResult,
} from '../helpers/build.ts';
import { runCheck } from '../helpers/check-lines.ts';

const bigCsv = path.join(
  projectRoot,
  'tests/fixtures/invalid/content/case-studies/big-data/big.csv',
);

/** The problem lines a failed build printed, without the closing summary. */
function problemLines(result: BuildResult): string[] {
  return result.stderr.split('\n').filter((line) => line.startsWith('tests/fixtures/'));
}

describe('a build over invalid content', () => {
  let result: BuildResult;
  beforeAll(async () => {
    // A data file over the 5 MB limit, made here rather than committed.
    const row = '1,0.123456789\n';
    writeFileSync(bigCsv, `step,value\n${row.repeat(Math.ceil((5.2 * 1024 * 1024) / row.length))}`);
    // Nothing from an earlier run in the cache, so the build's own leftovers show.
    rmSync(casefolioCacheDir('invalid'), { recursive: true, force: true });
    // Fresh: what it leaves in the cache just emptied is under test, and the
    // content includes the data file made above.
    result = await buildSite({ fixture: 'invalid', fresh: true, label: 'invalid' });
  });

  it('fails with a non-zero exit and writes no pages', () => {
    expect(result.code).toBe(1);
    expect(listFiles(result.outDir).filter((file) => file.endsWith('.html'))).toEqual([]);
  });

  it('prints no stack trace and nothing but problem lines and a summary', () => {
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/Error:/);
    const other = result.stderr
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('tests/fixtures/'));
    const files = new Set(problemLines(result).map((line) => line.split(/:\d*:? /)[0]));
    expect(other).toEqual([
      `Casefolio found ${problemLines(result).length} problems in ${files.size} files. Fix them and run the command again.`,
    ]);
  });

  it('reports every problem in every file in one run, one line each', () => {
    expect(problemLines(result)).toMatchSnapshot();
  });

  it('uses the exact lines of the contract for its examples', () => {
    const lines = problemLines(result).map((line) => line.replace('tests/fixtures/invalid/', ''));
    expect(lines).toContain(
      'content/case-studies/churn-model/index.mdx:14: metrics[1].value: expected a number, got "0.91 AUC" (metric "AUC")',
    );
    expect(lines).toContain(
      'content/case-studies/churn-model/index.mdx:9: dataset.acess: unknown field (did you mean "access"?)',
    );
    expect(lines).toContain(
      'content/profile.yaml:12: links[0].url: only https, http and mailto links are allowed, got "javascript:alert(1)"',
    );
  });

  it('starts every line about a file that exists with file:line', () => {
    expect(
      problemLines(result).filter(
        (line) => !/^tests\/fixtures\/invalid\/content\/[^: ]+:\d+: /.test(line),
      ),
    ).toEqual([]);
  });

  it('says an impossible date is not a real date', () => {
    expect(problemLines(result)).toContain(
      'tests/fixtures/invalid/content/case-studies/impossible-date.mdx:6: period.start: 2025-06-31 is not a real date (June has 30 days)',
    );
  });

  it('prints the same lines from npm run check, which also warns about repeated tags and skills', () => {
    const check = runCheck('tests/fixtures/invalid/content');
    expect(check.status).toBe(1);
    const errors = check.stderr.split('\n');
    expect(problemLines(result).filter((line) => !errors.includes(line))).toEqual([]);
    expect(errors).toContain(
      'tests/fixtures/invalid/content/case-studies/churn-model/index.mdx:14: metrics[1].value: expected a number, got "0.91 AUC" (metric "AUC")',
    );
    expect(check.stdout.split('\n').filter((line) => /: (tags|skills)\[/.test(line))).toEqual([
      'tests/fixtures/invalid/content/case-studies/reversed-period.mdx:13: tags[1]: warning: "churn" is the same tag as "Churn" (tags[0]), so it is shown once, as "Churn"; remove one of them',
      'tests/fixtures/invalid/content/case-studies/reversed-period.mdx:17: skills[2]: warning: "Python" is the same skill as "python" (skills[0]), so it is shown once, as "python"; remove one of them',
    ]);
  });

  it('leaves no scratch files behind in the cache', () => {
    const cache = casefolioCacheDir('invalid');
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([]);
  });

  it('ignores files and folders whose names start with an underscore', () => {
    expect(result.stderr).not.toContain('_ignored.mdx');
  });
});

describe('two case studies with the same slug', () => {
  it('fail the build with one line naming both files', async () => {
    const result = await buildSite({ fixture: 'duplicate-slugs' });
    expect(result.code).toBe(1);
    expect(problemLines(result)).toEqual([
      'tests/fixtures/duplicate-slugs/content/case-studies/same-slug.mdx:1: duplicate slug "same-slug": tests/fixtures/duplicate-slugs/content/case-studies/same-slug/index.mdx has the same slug; rename or remove one of them',
    ]);
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });
});

describe('an image with a GPS position', () => {
  it('fails the build, naming the file', async () => {
    const result = await buildSite({ fixture: 'gps' });
    expect(result.code).toBe(1);
    expect(problemLines(result)).toEqual([
      'tests/fixtures/gps/content/avatar.jpg: the file is a JPEG image with a GPS location in its EXIF data, which would be published; re-export it without location data (for example `exiftool -location:all= FILE`) and build again',
    ]);
  });

  // Judged by content: a WebP, GPS only in XMP, a folder starting with `.`, a JPEG named .txt.
  it('in public/ fails the build, whatever its format, block, folder or name, and nothing is published', async () => {
    const result = await buildSite({
      fixture: 'gps-public',
      env: { CASEFOLIO_TEST_PUBLIC_DIR: './tests/fixtures/gps-public/public' },
    });
    expect(result.code).toBe(1);
    const fix =
      'which would be published; re-export it without location data (for example `exiftool -location:all= FILE`) and build again';
    expect(problemLines(result)).toEqual([
      `tests/fixtures/gps-public/public/.hidden/paris.jpg: the file is a JPEG image with a GPS location in its EXIF data, ${fix}`,
      `tests/fixtures/gps-public/public/notes.txt: the file is a JPEG image with a GPS location in its EXIF data, ${fix}`,
      `tests/fixtures/gps-public/public/photo.webp: the file is a WebP image with a GPS location in its EXIF data, ${fix}`,
      `tests/fixtures/gps-public/public/xmp-only.jpg: the file is a JPEG image with a GPS location in its XMP data, ${fix}`,
    ]);
    expect(listFiles(result.outDir)).toEqual([]);
  });
});

describe('hostile values and misnamed files (issue 17)', () => {
  const dir = 'tests/fixtures/hostile-values/content';
  const expected = [
    `${dir}/case-studies/big-numbers.mdx:11: metrics[0].value: 123456789012345678901234567890 has more digits than a number holds exactly and would show as 123,456,789,012,345,680,000,000,000,000; write at most 15 significant digits (metric "Rows scored")`,
    `${dir}/case-studies/big-numbers.mdx:12: metrics[1].baseline: the difference between value 1.7976931348623157e+308 and baseline -1.7976931348623157e+308 is beyond the largest number a page can show (about 1.8e308); check both, or use a larger unit (metric "Revenue")`,
    `${dir}/case-studies/big-numbers.mdx:13: metrics[2].value: 1e400 is beyond the largest number a page can show (about 1.8e308); use a larger unit (metric "Overflow")`,
    `${dir}/case-studies/control-characters.mdx:2: title: the control character U+001B (character 9) cannot be shown on a page or in a feed; remove it (tabs and line breaks are fine)`,
    `${dir}/case-studies/folder-form/Index.mdx:1: not a case study: a case-study folder's page is named "index.mdx", in lower case; rename it to "folder-form/index.mdx", or start the folder's name with "_" to keep it out of the site`,
    `${dir}/case-studies/markdown.md:1: not a case study: case studies are MDX files, not Markdown; rename it to "markdown.mdx", or start its name with "_" to keep it out of the site`,
    `${dir}/case-studies/no-page-address.mdx:7: tags[0]: "\u200b" (U+200B) has no letter or digit to make its page address from; add a word to it or remove it`,
    `${dir}/case-studies/no-page-address.mdx:7: tags[1]: "🔥" has no letter or digit to make its page address from; add a word to it or remove it`,
    `${dir}/case-studies/no-page-address.mdx:8: skills[0]: "🚀" has no letter or digit to make its page address from; add a word to it or remove it`,
    `${dir}/case-studies/upper-case.MDX:1: not a case study: only names ending in ".mdx", in lower case, are; rename it to "upper-case.mdx", or start its name with "_" to keep it out of the site`,
    `${dir}/profile.yaml:1: name: the control character U+001B (character 5) cannot be shown on a page or in a feed; remove it (tabs and line breaks are fine)`,
  ];

  it('fail the build with one line each, naming the field and the character or the file to rename', async () => {
    const result = await buildSite({ fixture: 'hostile-values' });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(problemLines(result)).toEqual(expected);
    // No raw control character reaches the terminal.
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(listFiles(result.outDir).filter((file) => file.endsWith('.xml'))).toEqual([]);
  });

  it('are reported alike by npm run check, which passes over READMEs and notes', () => {
    const check = runCheck(dir);
    expect(check.status).toBe(1);
    expect(check.stderr.split('\n').filter((line) => line.startsWith(dir))).toEqual(expected);
    expect(check.stdout + check.stderr).not.toMatch(/README\.md|folder-form\/README/);
  });
});
