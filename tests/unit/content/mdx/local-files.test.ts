import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  imageFileProblem,
  markdownImageFile,
  markdownImageProblem,
  unbundledFigureProblem,
} from '../../../../src/content/mdx/local-files.ts';

const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-local-files-'));
afterAll(() => fs.rmSync(contentDir, { recursive: true, force: true }));
const dir = path.join(contentDir, 'case-studies', 'churn');
for (const file of ['plot.png', 'a b.png', 'data.csv', '_notes/plot.png', '_plot.png']) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), 'x');
}
fs.mkdirSync(path.join(contentDir, 'case-studies', 'draft'));
fs.writeFileSync(path.join(contentDir, 'case-studies', 'draft', 'plot.png'), 'x');
const mdxFile = path.join(dir, 'index.mdx');
const context = {
  mdxFile,
  contentDir,
};

describe('Markdown images, read as the MDX compiler reads them', () => {
  it('accepts a file beside the case study, written with or without ./ and with escapes', () => {
    expect(markdownImageProblem('./plot.png', context)).toBeUndefined();
    expect(markdownImageProblem('plot.png', context)).toBeUndefined();
    expect(markdownImageProblem('./a%20b.png', context)).toBeUndefined();
    expect(markdownImageFile('./a%20b.png', mdxFile)).toBe(path.join(dir, 'a b.png'));
  });

  it('leaves remote images and public/ paths as links', () => {
    for (const url of [
      'https://example.com/a.png',
      '/images/a.png',
      'data:image/png;base64,AA',
      '',
    ]) {
      expect(markdownImageProblem(url, context), url).toBeUndefined();
      expect(markdownImageFile(url, mdxFile), url).toBeUndefined();
    }
  });

  it('names a missing file, a data file, a path out of content/ and a stray %', () => {
    expect(markdownImageProblem('./nope.png', context)).toBe('image: file not found: "./nope.png"');
    expect(markdownImageProblem('./data.csv', context)).toBe(
      'image: expected an image (.png, .jpg, .jpeg, .webp, .avif, .gif, .svg), got "./data.csv"; link to other files with [text](./data.csv)',
    );
    expect(markdownImageProblem('../../../x.png', context)).toBe(
      'image: path "../../../x.png" leaves the content folder; keep files next to the case study',
    );
    expect(markdownImageProblem('./100%.png', context)).toBe(
      `image: "./100%.png" is not a path the build can read: a % must begin an escape such as %20; write the file's name as it is`,
    );
  });
});

describe('images for <Figure>, covers and avatars', () => {
  it('must be images inside content/', () => {
    expect(imageFileProblem('./plot.png', mdxFile, contentDir)).toBeUndefined();
    expect(imageFileProblem('./data.csv', mdxFile, contentDir)).toMatch(/^expected an image/);
  });

  it('are refused by <Figure> in an ignored folder, under an ignored name, or in a draft', () => {
    expect(unbundledFigureProblem('./plot.png', context)).toBeUndefined();
    expect(unbundledFigureProblem('./_notes/plot.png', context)).toBe(
      '"./_notes/plot.png" is in "_notes", a folder Casefolio passes over (its name starts with _ or .); move the image out of it',
    );
    expect(unbundledFigureProblem('./_plot.png', context)).toBe(
      '"./_plot.png" is a file Casefolio passes over (its name starts with _ or .); rename it',
    );
    // A draft's folder is the draft-file lint's (tests/unit/content/lints.test.ts).
    expect(unbundledFigureProblem('../draft/plot.png', context)).toBeUndefined();
  });
});

describe('SVG images, published as they are at an address of the site', () => {
  const write = (name: string, svg: string) => fs.writeFileSync(path.join(dir, name), svg);
  write(
    'figure.svg',
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><style>path { fill: #123; }</style><path d="M0 0h10v10z"/><text x="1" y="9">AUC</text></svg>',
  );
  write(
    'scripted.svg',
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(2)</script><image href="https://tracker.example/p.png"/></svg>',
  );

  it('accepts a figure as plotting tools draw it', () => {
    expect(imageFileProblem('./figure.svg', mdxFile, contentDir)).toBeUndefined();
    expect(markdownImageProblem('./figure.svg', context)).toBeUndefined();
  });

  it('refuses one that would run or load when opened on its own, naming what it holds, wherever an image is named', () => {
    const problem =
      '"./scripted.svg" is an SVG holding an onload handler, a <script>, and an address outside the file (https://tracker.example/p.png), which would run or load when the file is opened on its own; export the figure again without it, or as a PNG';
    expect(imageFileProblem('./scripted.svg', mdxFile, contentDir)).toBe(problem);
    expect(markdownImageProblem('./scripted.svg', context)).toBe(`image: ${problem}`);
  });
});
