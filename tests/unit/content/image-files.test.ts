import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/content/check.ts';
import { findUnreadableImages } from '../../../src/content/image-files.ts';

const PNG = fs.readFileSync(
  path.join(
    import.meta.dirname,
    '../../fixtures/build-gate/missing-alt/content/case-studies/churn-model/plot.png',
  ),
);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-image-files-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(files: Record<string, string | Buffer>) {
  for (const [name, body] of Object.entries(files)) {
    const file = path.join(root, 'content', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body);
  }
}

const FRONTMATTER = `---
title: Churn
summary: A churn model.
organization: Acme
role: Intern
period: { start: 2025-06 }
cover: { src: ./_covers/cover.png, alt: A cover }
dataset: { name: Events }
model: { name: GBM, task: classification }
metrics: [{ name: Recall, value: 0.82 }]
stakeholders: [{ role: Head of Retention }]
---
`;

describe('findUnreadableImages', () => {
  it('measures every image the build bundles, as Astro does, and names each it cannot', async () => {
    write({
      'profile.yaml': 'name: Ada\nheadline: Intern\navatar: ./avatar.svg\n',
      'avatar.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      'case-studies/churn/index.mdx': `${FRONTMATTER}\n![Loss](./_notes/loss.png)\n`,
      'case-studies/churn/plot.png': PNG,
      'case-studies/churn/unused.jpg': 'a text file saved as a JPEG',
      'case-studies/churn/_covers/cover.png': 'not a PNG',
      'case-studies/churn/_notes/loss.png': PNG.subarray(0, 12),
      'case-studies/churn/_notes/ignored.png': 'never bundled, never read',
    });
    const location = { root, contentDir: path.join(root, 'content') };
    const report = checkContent(location);
    const unreadable = (await findUnreadableImages(report, location)).map(({ file }) => file);
    expect(unreadable).toEqual([
      'content/avatar.svg',
      'content/case-studies/churn/_covers/cover.png',
      'content/case-studies/churn/_notes/loss.png',
      'content/case-studies/churn/unused.jpg',
    ]);
  });
});
