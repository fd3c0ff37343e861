import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIgnoredName, walkFiles, walkFolder } from '../../../src/files/walk.ts';

let root: string;
let outside: string;

/** The walked files' relative paths. */
const relatives = (...args: Parameters<typeof walkFiles>) =>
  walkFiles(...args).map(({ relative }) => relative);

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-walk-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-walk-outside-'));
  const files = [
    'b.mdx',
    'a/index.mdx',
    'a/data/history.csv',
    'a/_notes.md',
    'a/.DS_Store',
    '_scratch/index.mdx',
    '.well-known/photo.jpg',
  ];
  for (const file of files) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), file);
  }
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'outside');
  fs.symlinkSync(outside, path.join(root, 'linked'), 'dir');
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('isIgnoredName', () => {
  it('ignores names that start with _ or .', () => {
    expect(isIgnoredName('_notes.mdx')).toBe(true);
    expect(isIgnoredName('.DS_Store')).toBe(true);
    expect(isIgnoredName('churn_model')).toBe(false);
    expect(isIgnoredName('index.mdx')).toBe(false);
  });
});

describe('walkFiles', () => {
  it('lists files in name order, passing over ignored names and all they hold', () => {
    expect(relatives(root)).toEqual(['a/data/history.csv', 'a/index.mdx', 'b.mdx']);
  });

  it('gives absolute paths, and which files are regular', () => {
    const [first] = walkFiles(root);
    expect(first?.path).toBe(path.join(root, 'a', 'data', 'history.csv'));
    expect(first?.regular).toBe(true);
  });

  it('walks every name when asked', () => {
    expect(relatives(root, { names: 'every' })).toEqual([
      '.well-known/photo.jpg',
      '_scratch/index.mdx',
      'a/.DS_Store',
      'a/_notes.md',
      'a/data/history.csv',
      'a/index.mdx',
      'b.mdx',
    ]);
  });

  it('does not enter the folders it is told to skip', () => {
    expect(relatives(root, { skipFolder: (folder) => folder === 'a/data' })).toEqual([
      'a/index.mdx',
      'b.mdx',
    ]);
  });

  it('lists a symbolic link as itself when links are not followed', () => {
    const linked = walkFiles(root, { followLinks: false }).find(
      ({ relative }) => relative === 'linked',
    );
    expect(linked?.regular).toBe(false);
    expect(relatives(root, { followLinks: false })).not.toContain('linked/secret.txt');
  });

  it('stops at the given depth', () => {
    expect(relatives(root, { maxDepth: 1 })).toEqual(['b.mdx']);
    expect(relatives(root, { maxDepth: 2 })).toEqual(['a/index.mdx', 'b.mdx']);
  });

  it('finds nothing in a folder that does not exist', () => {
    expect(walkFiles(path.join(root, 'missing'))).toEqual([]);
  });
});

describe('walkFolder and links', () => {
  /** A fresh folder with `files`, then the links `[link, target]` made in it. */
  function tree(files: string[], links: [string, string][]): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-links-'));
    for (const file of files) {
      fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), file);
    }
    for (const [link, target] of links) {
      fs.mkdirSync(path.join(dir, path.dirname(link)), { recursive: true });
      fs.symlinkSync(target, path.join(dir, link));
    }
    return dir;
  }
  const refusedOf = (dir: string, within?: string) =>
    walkFolder(dir, within === undefined ? {} : { within }).refused.map(
      ({ relative, problem, folder }) => ({ relative, problem, folder }),
    );

  it('refuses a link that leads out of the walked folder, to a file or a folder, and reads nothing behind it', () => {
    const dir = tree(
      ['a/plot.png'],
      [
        ['a/secret.txt', path.join(outside, 'secret.txt')],
        ['linked', outside],
      ],
    );
    expect(walkFolder(dir).files.map(({ relative }) => relative)).toEqual(['a/plot.png']);
    expect(refusedOf(dir)).toEqual([
      { relative: 'a/secret.txt', problem: 'outside', folder: false },
      { relative: 'linked', problem: 'outside', folder: true },
    ]);
  });

  it('follows a link that stays inside, into `within` when given', () => {
    const dir = tree(
      ['common/data.csv', 'run/meta.yaml'],
      [['run/data.csv', '../common/data.csv']],
    );
    expect(refusedOf(path.join(dir, 'run'))).toEqual([
      { relative: 'data.csv', problem: 'outside', folder: false },
    ]);
    expect(
      walkFiles(path.join(dir, 'run'), { within: dir }).map(({ relative }) => relative),
    ).toEqual(['data.csv', 'meta.yaml']);
  });

  it('refuses a dangling link and a loop of links, without throwing', () => {
    const dir = tree(
      ['a.csv'],
      [
        ['dangling.csv', 'nothing-here.csv'],
        ['loop-a', 'loop-b'],
        ['loop-b', 'loop-a'],
      ],
    );
    expect(refusedOf(dir)).toEqual([
      { relative: 'dangling.csv', problem: 'dangling', folder: false },
      { relative: 'loop-a', problem: 'loop', folder: false },
      { relative: 'loop-b', problem: 'loop', folder: false },
    ]);
  });

  it('refuses a link back into a folder the walk is inside, so a walk always ends', () => {
    const dir = tree(
      ['tags/mlflow.runName'],
      [
        ['tags/up', '..'],
        ['tags/self', '.'],
      ],
    );
    expect(walkFiles(dir).map(({ relative }) => relative)).toEqual(['tags/mlflow.runName']);
    expect(refusedOf(dir)).toEqual([
      { relative: 'tags/self', problem: 'loop', folder: true },
      { relative: 'tags/up', problem: 'loop', folder: true },
    ]);
  });

  it('refuses the walked folder itself when it leads out of `within`', () => {
    const dir = tree([], [['run', outside]]);
    expect(walkFolder(path.join(dir, 'run'), { within: dir })).toEqual({
      files: [],
      unreadable: [],
      refused: [{ path: path.join(dir, 'run'), relative: '', problem: 'outside', folder: true }],
    });
  });
});
