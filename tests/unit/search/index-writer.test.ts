import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../../src/search/index-writer.ts';
import { searchRecord } from '../../../src/search/records.ts';
import { caseStudyPathSchema } from '../../../src/schemas/case-study.ts';
import { contractExample } from '../schemas/contract-example.ts';

describe('the search index', () => {
  it('says when Pagefind has every record, before it writes the index', async () => {
    const data = caseStudyPathSchema.parse(contractExample());
    const records = ['churn', 'pricing', 'fraud'].map((slug) =>
      searchRecord(slug, data, ['Problem', `The ${slug} study.`]),
    );
    const outputPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'search-index-')), 'pagefind');
    const seen: boolean[] = [];
    const indexed = await writeSearchIndex(records, outputPath, () =>
      seen.push(existsSync(outputPath)),
    );
    // Once, with nothing written yet: the build writes the model cards then.
    expect(seen).toEqual([false]);
    expect(indexed).toBe(3);
    expect(readdirSync(path.join(outputPath, 'fragment'))).toHaveLength(3);
  });
});
