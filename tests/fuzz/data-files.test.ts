import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  VALID_FRONTMATTER,
  anyText,
  csvFile,
  jsonText,
  keyFor,
  mdxFile,
  runFolder,
  withSections,
} from './arbitraries.ts';
import { fuzzParameters, fuzzProject } from './fuzz.ts';

/**
 * The files a case study reads: CSV data files, JSON artifacts and MLflow
 * run folders, as charts, confusion matrices and metrics (`from:`, `key:`)
 * name them. `checkAll` never throws, and every line it prints has the
 * contract's shape.
 */

const project = fuzzProject('data-files');

/** A JSX attribute holding a string, whatever it contains. */
const attr = (text: string) => `{${JSON.stringify(text)}}`;

/** A case study whose metric reads `key` from `from`, with `body` under Approach. */
function study(from: string, key: string, body: string): string {
  const metric = `metrics: [{ name: Read, from: ${JSON.stringify(from)}, key: ${JSON.stringify(key)} }]`;
  return mdxFile(`${VALID_FRONTMATTER}\n${metric}`, withSections(body));
}

/** `<Chart>` and `<ConfusionMatrix>` over a file, with columns picked from `x` and `y`. */
function uses(src: string, x: string, y: string[], type: string): string {
  return [
    `<Chart type=${attr(type)} src=${attr(src)} x=${attr(x)} y={${JSON.stringify(y)}} title="A chart" />`,
    `<Chart src=${attr(src)} title="Defaults" />`,
    `<ConfusionMatrix src=${attr(src)} />`,
  ].join('\n\n');
}

/** Checks a case study whose metric, charts and matrix all read one file beside it. */
async function checkDataFile(
  name: string,
  text: string,
  key: string,
  x: string,
  y: string[],
  type: string,
): Promise<void> {
  await project.check({
    'profile.yaml': 'name: Ada\nheadline: Intern\n',
    [`case-studies/churn/${name}`]: text,
    'case-studies/churn/index.mdx': study(`./${name}`, key, uses(`./${name}`, x, y, type)),
  });
}

const chartType = fc.constantFrom('line', 'bar', 'horizontalBar', 'scatter');

describe('fuzzing data files, artifacts and run folders', () => {
  it('CSV data files: never throws, one-line problems only', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvFile.chain((csv) =>
          fc.record({
            csv: fc.constant(csv),
            key: keyFor(csv.columns),
            x: keyFor(csv.columns),
            y: fc.array(keyFor(csv.columns), { minLength: 1, maxLength: 3 }),
            type: chartType,
          }),
        ),
        async ({ csv, key, x, y, type }) => {
          await checkDataFile('data.csv', csv.text, key, x, y, type);
        },
      ),
      fuzzParameters(120),
    );
  });

  it('JSON artifacts: never throws, one-line problems only', async () => {
    await fc.assert(
      fc.asyncProperty(
        jsonText,
        keyFor([]),
        keyFor([]),
        fc.array(keyFor([]), { minLength: 1, maxLength: 2 }),
        chartType,
        async (json, key, x, y, type) => {
          await checkDataFile('report.json', json, key, x, y, type);
        },
      ),
      fuzzParameters(120),
    );
  });

  it('MLflow run folders: never throws, one-line problems only', async () => {
    await fc.assert(
      fc.asyncProperty(
        runFolder.chain((run) =>
          fc.record({
            run: fc.constant(run),
            from: fc.constantFrom(
              './mlruns',
              './mlruns/1',
              './mlruns/1/abc',
              './mlruns/1/abc/metrics',
            ),
            key: fc.oneof(
              keyFor(run.metrics),
              fc
                .tuple(
                  fc.constantFrom(...run.metrics),
                  fc.constantFrom('@best', '@last', '@step=0', '@step=-1', '@', '@min'),
                )
                .map(([name, suffix]) => `${name}${suffix}`),
              anyText,
            ),
            type: chartType,
          }),
        ),
        async ({ run, from, key, type }) => {
          const files: Record<string, string> = {
            'profile.yaml': 'name: Ada\nheadline: Intern\n',
            'case-studies/churn/index.mdx': study(from, key, uses(from, 'step', [key], type)),
          };
          for (const [relative, text] of Object.entries(run.files)) {
            files[`case-studies/churn/${relative}`] = text;
          }
          await project.check(files);
        },
      ),
      fuzzParameters(120),
    );
  });
});

// Issue 17, hole 5 (JSON depth limit): before the limit, a JSON file nested
// a few thousand levels deep overflowed the stack (RangeError from checkAll).
// Counterexample (shrunk): report.json holding '{"a":'.repeat(3750) + '1' +
// '}'.repeat(3750), read by a metric's `from:` and a <Chart src>.
describe('fuzzing deeply nested JSON (hole 5)', () => {
  it('never throws, one-line problems only', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1000, max: 20_000 }),
        fc.constantFrom('[', '{"a":'),
        async (depth, open) => {
          const close = open === '[' ? ']' : '}';
          await project.check({
            'profile.yaml': 'name: Ada\nheadline: Intern\n',
            'case-studies/churn/report.json': `${open.repeat(depth)}1${close.repeat(depth)}`,
            'case-studies/churn/index.mdx': study(
              './report.json',
              'a',
              uses('./report.json', 'a', ['a'], 'line'),
            ),
          });
        },
      ),
      fuzzParameters(5),
    );
  });
});
