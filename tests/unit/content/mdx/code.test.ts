import { describe, expect, it } from 'vitest';
import { checkBodyCode } from '../../../../src/content/mdx/code.ts';
import { scanMdx } from '../../../../src/content/mdx/elements.ts';

/** The code problems of a body starting on line 1, as `line: message`. */
function check(body: string): string[] {
  const scan = scanMdx(body, 1);
  if (!scan.ok) throw new Error(`line ${scan.line}: ${scan.message}`);
  return checkBodyCode(scan).map(({ line, message }) => `${line}: ${message}`);
}

const RUNS = 'is not allowed (nothing in a case study runs)';
const SEE = 'see "Nothing in the body runs" in README.md';
const VALUE = 'write the value itself ("text", 42, [1, 2], { a: 1 })';
const NAME =
  'is not a name the body imports or exports (nothing in a case study runs); write the value itself, or import the data it holds at the top (import rows from "./rows.json")';

/** The message for a `{...}` in the text that holds `what`. */
const refused = (what: string, fix = VALUE) => `{...}: ${what} ${RUNS}; ${fix}; ${SEE}`;

describe('checkBodyCode: what a body may write', () => {
  it('accepts plain values in the text, in attributes and in spreads', () => {
    const body = [
      '{\'text\'} {"text"} {42} {-1.5} {- -4} {+2} {true} {false} {null} {undefined} {`plain template`}',
      '',
      '{[1, -2, "three", [true, null]]} {{ a: 1, "b c": [2], 3: { d: `e` } }}',
      '',
      '<Chart type="bar" data={[{ model: "Rules", auc: 0.78 }]} x="model" y={["auc"]} title={`Models`} decimals={2} />',
      '',
      '<Callout {...{ type: "note", title: "Spread" }}>Text.</Callout>',
      '',
      '<span title={"a title"} data-n={3}>x</span>',
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('accepts JSX comments and empty expressions', () => {
    expect(check('{/* a note */} {} {  } {// a line note\n}\n\n{1 /* after */}')).toEqual([]);
  });

  it('accepts names imported or exported at the top, read by plain keys', () => {
    const body = [
      "import rows from './rows.json'",
      "import report, { accuracy } from './report.json'",
      "import * as all from './all.json'",
      'export const caption = "A plot", size = -3, series = ["loss", "val_loss"]',
      'export const options = { caption: "x", rows: [1, 2] }',
      'export const again = caption',
      '',
      '{rows} {rows.length} {report["macro avg"]["f1-score"]} {rows[0].name} {report?.accuracy} {accuracy}',
      '',
      '{all.default} {[rows, caption]} {{ rows, caption }} {caption}',
      '',
      '<Chart data={rows} x="a" y={series} title={caption} />',
      '',
      '<Callout {...options}>Text.</Callout>',
      '',
      '<img src="./a.png" alt={caption} />',
    ].join('\n');
    expect(check(body)).toEqual([]);
  });

  it('accepts code in places the body rules already refuse, without a second line', () => {
    // Those rules (safety.ts) say what to do; a second line would only repeat it.
    expect(
      check(
        '<div onClick={go()}>x</div>\n\n<a href={url()} {...rest}>x</a>\n\n<style>{css}</style>\n\n<script>{alert(1)}</script>\n\n{import.meta.env.SECRET}\n\nexport const g = import.meta.glob("/src/**")',
      ),
    ).toEqual([]);
  });
});

describe('checkBodyCode: code in a {...} is refused, saying what to write instead', () => {
  it('refuses calls, including the file read of the issue', () => {
    expect(
      check("Text {process.getBuiltinModule('fs').readFileSync('/etc/passwd', 'utf8')}."),
    ).toEqual([`1: ${refused("a call (process.getBuiltinModule('fs').readFi...)")}`]);
    expect(check('{rows.map(String)}')).toEqual([`1: ${refused('a call (rows.map(String))')}`]);
  });

  it('refuses globals and names the body does not bind', () => {
    for (const name of [
      'process',
      'globalThis',
      'eval',
      'require',
      'window',
      'props',
      '_components',
      'Chart',
    ]) {
      expect(check(`{${name}}`), name).toEqual([`1: {...}: ${name} ${NAME}; ${SEE}`]);
    }
    expect(check('{process.env.HOME}')).toEqual([`1: {...}: process ${NAME}; ${SEE}`]);
  });

  it('refuses new, assignments, increments, functions, classes, await and yield-like code', () => {
    const cases: [string, string][] = [
      ['new Date()', 'a constructor call (new Date())'],
      ['x = 1', 'an assignment (x = 1)'],
      ['[x++]', 'an increment (x++)'],
      ['() => 1', 'a function (() => 1)'],
      ['function () { return 1 }', 'a function (function () { return 1 })'],
      ['class {}', 'a class (class {})'],
      ['await 1', 'await (await 1)'],
      ['this', 'this'],
      ['import.meta', 'import.meta'],
    ];
    for (const [code, what] of cases) {
      const found = check(`{${code}}`);
      // import.meta is the import rule's to report.
      expect(found, code).toEqual(code === 'import.meta' ? [] : [`1: ${refused(what)}`]);
    }
  });

  it('refuses operators, conditions and sequences', () => {
    expect(check('{1 + 1}')).toEqual([`1: ${refused('the operator + (1 + 1)')}`]);
    expect(check('{a || "b"}')).toEqual([`1: ${refused('the operator || (a || "b")')}`]);
    expect(check('{typeof x}')).toEqual([`1: ${refused('the operator typeof (typeof x)')}`]);
    expect(check('{!true}')).toEqual([`1: ${refused('the operator ! (!true)')}`]);
    expect(check('{-"1"}')).toEqual([`1: ${refused('- on something other than a number (-"1")')}`]);
    expect(check('{true ? 1 : 2}')).toEqual([
      `1: ${refused('a condition (a ? b : c) (true ? 1 : 2)')}`,
    ]);
    expect(check('{(1, 2)}')).toEqual([`1: ${refused('a sequence (a, b) (1, 2)')}`]);
  });

  it('refuses templates with substitutions and tagged templates', () => {
    expect(check('{`a ${1}`}')).toEqual([
      `1: ${refused('a template with ${...} (`a ${1}`)', 'write the text itself ("text")')}`,
    ]);
    expect(check('{String.raw`x`}')).toEqual([
      `1: ${refused('a tagged template (String.raw`x`)')}`,
    ]);
  });

  it('refuses regular expressions, BigInts, holes, spreads, methods and computed keys in values', () => {
    expect(check('{/re/}')).toEqual([`1: ${refused('a regular expression (/re/)')}`]);
    expect(check('{10n}')).toEqual([
      `1: ${refused('a BigInt (10n)', 'write an ordinary number (42)')}`,
    ]);
    expect(check('{[1, , 2]}')).toEqual([
      `1: ${refused('a list with an empty slot ([1, , 2])', 'write every item')}`,
    ]);
    expect(check("import rows from './rows.json'\n\n{[...rows]}")).toEqual([
      `3: ${refused('a spread (...) (...rows)', 'write the items themselves')}`,
    ]);
    expect(check("import rows from './rows.json'\n\n{{ ...rows }}")).toEqual([
      `3: ${refused('a spread (...) (...rows)', 'write the keys and values themselves')}`,
    ]);
    expect(check('{{ get a() { return 1 } }}')).toEqual([
      `1: ${refused('a function (get a() { return 1 })')}`,
    ]);
    expect(check('{{ [k]: 1 }}')).toEqual([
      `1: ${refused('a key computed by code ([key]: ...) ([k]: 1)', 'write the key as text')}`,
    ]);
    expect(check('{{ __proto__: {} }}')).toEqual([
      `1: ${refused('the key "__proto__"', 'give the key another name')}`,
    ]);
  });

  it('refuses keys computed by code, keys that reach a constructor and keys of written values', () => {
    const keyFix = 'write the key itself (data.rows, data["macro avg"], rows[0])';
    const body = (code: string) => `import data from './data.json'\n\n{${code}}`;
    expect(check(body('data[key]'))).toEqual([
      `3: ${refused('a key computed by code (key)', keyFix)}`,
    ]);
    expect(check(body('data[-1]'))).toEqual([
      `3: ${refused('a key computed by code (-1)', keyFix)}`,
    ]);
    expect(check(body('data.constructor'))).toEqual([
      `3: ${refused('the key "constructor"', 'read the data by its own keys (data.rows)')}`,
    ]);
    expect(check(body('data["__proto__"]'))).toEqual([
      `3: ${refused('the key "__proto__"', 'read the data by its own keys (data.rows)')}`,
    ]);
    expect(check('{"text".length}')).toEqual([
      `1: ${refused('a key read from a written value ("text".length)')}`,
    ]);
  });

  it('refuses an element inside {...}, which the body rules would not see', () => {
    expect(check('{<script>alert(1)</script>}')).toEqual([
      `1: {...}: this code could not be read as a value (code, or an element inside { }) and ${RUNS}; write elements in the text, outside { }, and values as they are ("text", 42, [1, 2]); ${SEE}`,
    ]);
  });

  it('gives the line of the code inside a {...} that spans lines', () => {
    expect(check('Text.\n\n{[\n  1,\n  fetch("https://x.example/")\n]}')).toEqual([
      `5: ${refused('a call (fetch("https://x.example/"))')}`,
    ]);
  });
});

describe('checkBodyCode: code in attributes and spreads', () => {
  it('refuses code in the attributes of components and HTML elements, at the element', () => {
    expect(
      check(
        '<Chart data={load("x.csv")} title="t" />\n\n<Callout title={`${1}`}>x</Callout>\n\n<span title={navigator.userAgent}>x</span>',
      ),
    ).toEqual([
      `1: <Chart> data: a call (load("x.csv")) ${RUNS}; ${VALUE}; ${SEE}`,
      `3: <Callout> title: a template with \${...} (\`\${1}\`) ${RUNS}; write the text itself ("text"); ${SEE}`,
      `5: <span> title: navigator ${NAME}; ${SEE}`,
    ]);
  });

  it('refuses code in the spreads of components', () => {
    expect(check('<Callout {...settings()}>x</Callout>\n\n<Chart {...{ data: f() }} />')).toEqual([
      `1: <Callout> {...}: a call (settings()) ${RUNS}; ${VALUE}; ${SEE}`,
      `3: <Chart> {...}: a call (f()) ${RUNS}; ${VALUE}; ${SEE}`,
    ]);
  });
});

describe('checkBodyCode: import and export lines', () => {
  const ONLY = `only export const name = value may be exported (nothing in a case study runs); import what you need instead (import rows from "./rows.json"); ${SEE}`;

  it('refuses export const holding code, with the line of the value', () => {
    expect(
      check('export const a = 1,\n  b = process.env\nexport const c = (() => 1)()\n\nText.'),
    ).toEqual([
      `2: export const b: process ${NAME}; ${SEE}`,
      `3: export const c: a call ((() => 1)()) ${RUNS}; ${VALUE}; ${SEE}`,
    ]);
  });

  it('lets an export use the imports and the exports above it, not below', () => {
    expect(
      check(
        "import rows from './rows.json'\nexport const a = rows.first\nexport const b = c\nexport const c = a\n\n{c}",
      ),
    ).toEqual([`3: export const b: c ${NAME}; ${SEE}`]);
  });

  it('refuses every other kind of export and statement', () => {
    const fix =
      'write export const name = value, with the value written out ("text", 42, [1, 2], { a: 1 })';
    expect(
      check(
        [
          'export default function Layout() {}',
          'export function f() {}',
          'export class K {}',
          'export let l = 1',
          'export var v = 1',
          'export const { x } = { x: 1 }',
          "export * from './rows.json'",
          "export { default as again } from './rows.json'",
          'export const y = 1; globalThis.ran = true',
        ].join('\n'),
      ),
    ).toEqual([
      `1: export default: not allowed (the page is Casefolio's, and nothing in a case study runs); remove it; ${SEE}`,
      `2: export function f: a function ${RUNS}; ${fix}; ${SEE}`,
      `3: export class K: a class ${RUNS}; ${fix}; ${SEE}`,
      `4: export let l: let ${RUNS}; write export const l = value; ${SEE}`,
      `5: export var v: var ${RUNS}; write export const v = value; ${SEE}`,
      `6: export const: a pattern ${RUNS}; ${fix}, one name at a time; ${SEE}`,
      `7: export: ${ONLY}`,
      `8: export: ${ONLY}`,
      `9: globalThis.ran = true: only import lines and export const name = value may stand here (nothing in a case study runs); remove it; ${SEE}`,
    ]);
  });

  it('refuses code it cannot read in an export block', () => {
    expect(check('export const x = <b>bold</b>\n\nText.')).toEqual([
      `1: this code could not be read; only import lines and export const name = value may stand here (nothing in a case study runs); ${SEE}`,
    ]);
  });

  it("refuses names that replace the page's own or Casefolio's components", () => {
    expect(
      check(
        [
          'export const components = { em: "mark" }',
          "import frontmatter from './a.json'",
          "import { Chart } from 'chart.js/auto'",
          'export const _jsx = 1',
          'export const Content = "x"',
          "import rows from './rows.json'",
          'export const rows = []',
          // Blocks apart: within one block, the duplicate is a syntax error.
        ].join('\n\n'),
      ),
    ).toEqual([
      '1: export const components: a name the page itself uses; give it another name',
      '3: import frontmatter: a name the page itself uses; give it another name',
      "5: import Chart: the name of Casefolio's <Chart>, which needs no import; give it another name",
      "7: export const _jsx: names starting with _ are MDX's own, used by the page; give it another name",
      '9: export const Content: a name the page itself uses; give it another name',
      '13: export const rows: already imported or exported on line 11; give it another name',
    ]);
  });
});

describe('checkBodyCode: never runs what it reads', () => {
  it('leaves the code unrun', () => {
    const marker = globalThis as { __casefolioCodeRan?: boolean };
    check(
      'export const a = (globalThis.__casefolioCodeRan = true)\n\n{(() => { globalThis.__casefolioCodeRan = true })()}\n\n<Chart data={globalThis.__casefolioCodeRan = true} />',
    );
    expect(marker.__casefolioCodeRan).toBeUndefined();
  });
});
