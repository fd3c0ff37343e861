import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanMdx } from '../../../../src/content/mdx/elements.ts';
import { importProblems } from '../../../../src/content/mdx/import-targets.ts';

// Inside the project, so installed packages are found as the bundler finds them.
const scratch = path.join(import.meta.dirname, '../../../../.tmp');
fs.mkdirSync(scratch, { recursive: true });
const contentDir = fs.mkdtempSync(path.join(scratch, 'imports-'));
afterAll(() => fs.rmSync(contentDir, { recursive: true, force: true }));
const dir = path.join(contentDir, 'case-studies', 'churn');
fs.mkdirSync(dir, { recursive: true });
for (const file of ['plot.png', 'report.json', 'helper.js', 'data.csv']) {
  fs.writeFileSync(path.join(dir, file), '1');
}

function problems(body: string): string[] {
  const scan = scanMdx(body, 10);
  if (!scan.ok) throw new Error(scan.message);
  return importProblems(scan, path.join(dir, 'index.mdx'), contentDir).map(
    ({ line, message }) => `${line}: ${message}`,
  );
}

describe('importProblems', () => {
  it('accepts images and JSON inside content/, and installed packages', () => {
    expect(
      problems(
        'import plot from "./plot.png"\nimport report from "./report.json"\nimport { Chart } from "chart.js"\n\nText.',
      ),
    ).toEqual([]);
  });

  it("refuses what would run or stop the bundler, each on its line, and leaves where an import may point to the body's import rule (safety.ts)", () => {
    const body = [
      'import a from "./nope.js"',
      'import b from "./helper.js"',
      'import c from "./data.csv"',
      'import d from "../../../../outside.png"',
      'import fs from "node:fs"',
      'import e from "no-such-package-here"',
      'import { getCollection } from "astro:content"',
      'export const x = 1',
    ].join('\n');
    expect(problems(`${body}\n\nText.`)).toEqual([
      '11: import "./helper.js": a script, which would run during the build; Casefolio runs no code from content, so remove the import',
      '12: import "./data.csv": only images and JSON files can be imported; show data with <Chart src="..." /> instead',
      '15: import "no-such-package-here": no package "no-such-package-here" is installed in the project; install it with npm install no-such-package-here, or remove the import',
    ]);
  });
});
