import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { VALID_FRONTMATTER, mdxBody, mdxFile, withSections } from './arbitraries.ts';
import { fuzzParameters, fuzzProject } from './fuzz.ts';

/**
 * MDX bodies: Markdown, HTML and components with any props, links and images
 * to any address, expressions, code, ESM. `checkAll` never throws, and every
 * line it prints has the contract's shape.
 */

const PNG = readFileSync(
  path.join(
    import.meta.dirname,
    '../fixtures/build-gate/missing-alt/content/case-studies/churn-model/plot.png',
  ),
);

const project = fuzzProject('mdx-body');

describe('fuzzing MDX bodies', () => {
  it('never throws, and prints only one-line problems in the contract shape', async () => {
    await fc.assert(
      fc.asyncProperty(mdxBody, fc.boolean(), async (body, sections) => {
        await project.check({
          'profile.yaml': 'name: Ada\nheadline: Intern\n',
          'case-studies/churn/plot.png': PNG,
          'case-studies/churn/_notes/plot.png': PNG,
          'case-studies/churn/data.csv': 'epoch,loss\n1,0.5\n2,0.4\n',
          'case-studies/churn/index.mdx': mdxFile(
            `${VALID_FRONTMATTER}\nmetrics: [{ name: Recall, value: 0.82 }]`,
            sections ? withSections(body) : body,
          ),
        });
      }),
      fuzzParameters(200),
    );
  });
});
