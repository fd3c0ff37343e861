import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { frontmatter, mdxFile, profile, withSections } from './arbitraries.ts';
import { expectPrintableLine, fuzzParameters, fuzzProject } from './fuzz.ts';

/**
 * Frontmatter and profile.yaml with YAML values of every type in every
 * field: `checkAll` never throws, and every line it prints has the
 * contract's shape (`fuzzProject().check`).
 */

const PNG = readFileSync(
  path.join(
    import.meta.dirname,
    '../fixtures/build-gate/missing-alt/content/case-studies/churn-model/plot.png',
  ),
);

const project = fuzzProject('frontmatter');

/** Files the generated paths may name, so some resolve. */
const BESIDE = {
  'case-studies/churn/cover.png': PNG,
  'case-studies/churn/data.csv': 'epoch,loss\n1,0.5\n2,0.4\n',
  'case-studies/churn/report.json': '{"accuracy": 0.9, "macro avg": {"f1-score": 0.8}}',
  'cover.png': PNG,
};

describe('fuzzing frontmatter', () => {
  it('never throws, and prints only one-line problems in the contract shape', async () => {
    await fc.assert(
      fc.asyncProperty(frontmatter, profile, async (fields, profileText) => {
        await project.check({
          ...BESIDE,
          'profile.yaml': profileText,
          'case-studies/churn/index.mdx': mdxFile(fields, withSections('Text.')),
        });
      }),
      fuzzParameters(150),
    );
  });

  // Issue 17, hole 6 (control characters): before the rule, a value's C1
  // control (U+0085) was quoted into the message as it is. Counterexample:
  //   stakeholders: "c1\u0085control" -> `stakeholders: expected a list, got "c1<U+0085>control"`
  it('prints no control character from the content in a problem line (hole 6)', async () => {
    await fc.assert(
      fc.asyncProperty(frontmatter, profile, async (fields, profileText) => {
        await project.check(
          {
            ...BESIDE,
            'profile.yaml': profileText,
            'case-studies/churn/index.mdx': mdxFile(fields, withSections('Text.')),
          },
          expectPrintableLine,
        );
      }),
      fuzzParameters(150),
    );
  });
});
