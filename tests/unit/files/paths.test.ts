import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLocalFile, linkProblemMessage, resolveInside } from '../../../src/files/paths.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project with content/a.csv and outside.csv beside content/. */
function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-paths-'));
  dirs.push(root);
  const content = path.join(root, 'content');
  fs.mkdirSync(path.join(content, 'study'), { recursive: true });
  fs.writeFileSync(path.join(content, 'a.csv'), 'a\n1\n');
  fs.writeFileSync(path.join(root, 'outside.csv'), 'SECRET\n');
  const link = (name: string, target: string) => {
    fs.symlinkSync(target, path.join(content, 'study', name));
    return path.join(content, 'study', name);
  };
  return { root, content, link };
}

describe('resolveInside', () => {
  it('gives the real path of a file inside, through a link that stays inside', () => {
    const { content, link } = project();
    expect(resolveInside(path.join(content, 'a.csv'), content)).toEqual({
      ok: true,
      real: fs.realpathSync(path.join(content, 'a.csv')),
    });
    expect(resolveInside(link('a.csv', '../a.csv'), content).ok).toBe(true);
  });

  it('says why a path cannot be read: outside, dangling, a loop, or missing', () => {
    const { root, content, link } = project();
    expect(resolveInside(link('out.csv', path.join(root, 'outside.csv')), content)).toEqual({
      ok: false,
      problem: 'outside',
    });
    expect(resolveInside(link('folder', root), content)).toEqual({ ok: false, problem: 'outside' });
    expect(resolveInside(link('gone.csv', 'nothing.csv'), content)).toEqual({
      ok: false,
      problem: 'dangling',
    });
    link('loop-a', 'loop-b');
    expect(resolveInside(link('loop-b', 'loop-a'), content)).toEqual({
      ok: false,
      problem: 'loop',
    });
    expect(resolveInside(path.join(content, 'nothing.csv'), content)).toEqual({
      ok: false,
      problem: 'missing',
    });
  });
});

describe('linkProblemMessage', () => {
  it('words each problem with the fix, for a file or a folder', () => {
    expect(linkProblemMessage('path "./a.csv"', 'outside')).toBe(
      'path "./a.csv" is a link to a file outside the content folder; copy the file in instead',
    );
    expect(linkProblemMessage('this folder', 'dangling', 'folder')).toBe(
      'this folder is a link to a folder that does not exist; copy the folder in instead',
    );
    expect(linkProblemMessage('this file', 'loop')).toBe(
      'this file is a link that leads back to itself in a loop; copy the file in instead',
    );
  });
});

describe('checkLocalFile and links', () => {
  it('names a dangling link and a loop of links as such, with the path as written', () => {
    const { content, link } = project();
    const mdx = path.join(content, 'study', 'index.mdx');
    link('gone.csv', 'nothing.csv');
    link('loop-a.csv', 'loop-b.csv');
    link('loop-b.csv', 'loop-a.csv');
    expect(checkLocalFile('./gone.csv', mdx, content)).toBe(
      'path "./gone.csv" is a link to a file that does not exist; copy the file in instead',
    );
    expect(checkLocalFile('./loop-a.csv', mdx, content)).toBe(
      'path "./loop-a.csv" is a link that leads back to itself in a loop; copy the file in instead',
    );
    expect(checkLocalFile('./nothing.csv', mdx, content)).toBe('file not found: "./nothing.csv"');
  });
});

describe('a path holding a NUL character (found by the fuzz suite)', () => {
  it('is a problem naming it, not a TypeError from the file system', () => {
    const content = path.join(os.tmpdir(), 'casefolio-nul');
    const mdx = path.join(content, 'case-studies', 'churn', 'index.mdx');
    expect(checkLocalFile('./nul\u0000byte.png', mdx, content)).toBe(
      'path "./nul\\u0000byte.png" holds a NUL character, which no file name can; write the file\'s name as it is',
    );
    expect(resolveInside(path.join(content, 'nul\u0000byte'), content)).toEqual({
      ok: false,
      problem: 'missing',
    });
  });
});

describe('a path too long for the file system (found by the fuzz suite)', () => {
  it('is a file not found, not an ENAMETOOLONG thrown from lstat', () => {
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-long-'));
    const mdx = path.join(content, 'index.mdx');
    const long = `./${'x'.repeat(300)}`;
    expect(checkLocalFile(long, mdx, content)).toBe(`file not found: "${long}"`);
    fs.rmSync(content, { recursive: true, force: true });
  });
});
