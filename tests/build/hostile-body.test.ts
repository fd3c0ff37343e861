import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, type BuildResult } from '../helpers/build.ts';
import { checkFixture, patternsInOutput, problemLines } from '../helpers/check-lines.ts';

/**
 * An MDX body full of active content (tests/fixtures/hostile-body): script
 * URLs in every kind of link, image and URL attribute, the elements that run
 * code, embed other sites, send input elsewhere or move the page's links,
 * event handlers, and imports that reach outside content/ (all of which the
 * build published before the body had rules). The build and
 * `npm run check` refuse all of it with the same lines, and nothing of it
 * reaches the output folder.
 */

const FILE = 'tests/fixtures/hostile-body/content/case-studies/hostile-body/index.mdx';
const URL_RULE =
  'only https, http, mailto and relative links are allowed, got %s; use a web address or a file beside the case study instead';
const url = (value: string) => URL_RULE.replace('%s', JSON.stringify(value));
const EMBEDS =
  'not allowed in a case study (it would load another site or a plugin into the page; link to it instead, or embed a video through a component you add on purpose)';
const BUILTIN =
  "Node's built-in modules are not allowed (they reach the machine, not the content); remove the import";
const HANDLERS =
  'event handlers are not allowed (nothing in a case study runs); remove the attribute';

const EXPECTED = [
  `18: import "fs": ${BUILTIN}`,
  '19: import "../../../../../../package.json": path "../../../../../../package.json" leaves the content folder; keep files next to the case study',
  `20: import "node:os": ${BUILTIN}`,
  '21: import.meta: reads the build and the files of the project, which a case study may not; remove it',
  `25: link: ${url('javascript:alert(1)')}`,
  `25: link: ${url('javascript:alert(2)')}`,
  `25: link: ${url('vbscript:msgbox(3)')}`,
  `25: link: ${url('data:text/html,<script>alert(4)</script>')}`,
  `25: link: ${url('java\tscript:alert(5)')}`,
  `27: image: ${url('javascript:alert(6)')}`,
  `31: [r]: ${url('javascript:alert(7)')}`,
  `33: <a> href: ${url('javascript:alert(8)')}`,
  `33: <a> href: ${url('javascript:alert(9)')}`,
  `33: <a> href: ${url('javascript:alert(10)')}`,
  `35: <img> onerror: ${HANDLERS}`,
  `37: <div> onClick: ${HANDLERS}`,
  `39: <iframe>: ${EMBEDS}`,
  `41: <object>: ${EMBEDS}`,
  `43: <embed>: ${EMBEDS}`,
  "45: <form>: not allowed in a case study (it would send readers' input elsewhere; link to the form instead)",
  `45: <button> formAction: ${url('javascript:alert(13)')}`,
  '47: <script>: not allowed in a case study (nothing in a case study runs: show code in a ``` code block and data with <Chart> or <ConfusionMatrix>)',
  '49: <base>: not allowed in a case study (it would send every relative link of the page elsewhere; remove it)',
  "51: <meta>: not allowed in a case study (the page's head is Casefolio's, and a refresh here would send readers elsewhere; remove it)",
  '53: <link>: not allowed in a case study (it would load a stylesheet or another resource into the page; remove it)',
  '55: <style>: @import is not allowed (it loads a stylesheet from elsewhere into the page); write the rules themselves',
  `57: <video> poster: ${url('javascript:alert(15)')}`,
  `57: <video> src: ${url('vbscript:x')}`,
  `59: <img> srcset: ${url('a.png 1x, data:text/html,x 2x')}`,
  `61: <a> xlinkHref: ${url('javascript:alert(16)')}`,
  `63: <blockquote> cite: ${url('javascript:alert(17)')}`,
].map((line) => `${FILE}:${line}`);

/** What a browser could run or be sent elsewhere by, in any output file. */
const ACTIVE = [
  /javascript:/i,
  /vbscript:/i,
  /data:text\/html/i,
  /<(script|iframe|object|embed|base|form|meta http-equiv="refresh"|link rel="stylesheet" href="https:\/\/evil)\b/i,
  /\son[a-z]+\s*=/i,
  /evil\.example|elsewhere\.example/,
  // The name in the project's package.json, which the body imports and shows.
  /Built by casefolio/,
];

describe('an MDX body full of active content', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'hostile-body' });
  });

  it('fails the build with one line per problem, each with its file and line', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(problemLines(result.stderr)).toEqual(EXPECTED);
  });

  it('leaves no script URL, refused element or event handler in the output folder', () => {
    expect(patternsInOutput(result.outDir, ACTIVE)).toEqual([]);
    expect(listFiles(result.outDir).filter((file) => file.endsWith('.html'))).toEqual([]);
  });

  it('is refused by npm run check with the same lines', () => {
    expect(checkFixture('hostile-body')).toEqual({ status: 1, lines: EXPECTED });
  });
});
