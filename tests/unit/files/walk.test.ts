import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIgnoredName, walkFiles } from '../../../src/files/walk.ts';

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
    expect(relatives(root)).toEqual([
      'a/data/history.csv',
      'a/index.mdx',
      'b.mdx',
      'linked/secret.txt',
    ]);
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
      'linked/secret.txt',
    ]);
  });

  it('does not enter the folders it is told to skip', () => {
    expect(relatives(root, { skipFolder: (folder) => folder === 'a/data' })).toEqual([
      'a/index.mdx',
      'b.mdx',
      'linked/secret.txt',
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
    expect(relatives(root, { maxDepth: 2 })).toEqual(['a/index.mdx', 'b.mdx', 'linked/secret.txt']);
  });

  it('finds nothing in a folder that does not exist', () => {
    expect(walkFiles(path.join(root, 'missing'))).toEqual([]);
  });
});
