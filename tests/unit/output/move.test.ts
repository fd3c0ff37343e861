import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkOrCopy } from '../../../src/output/move.ts';

function folder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'link-or-copy-'));
}

describe('linkOrCopy', () => {
  it('gives a file a second name without copying it', () => {
    const dir = folder();
    const source = path.join(dir, 'card.png');
    writeFileSync(source, 'painted');
    linkOrCopy(source, path.join(dir, 'published.png'));
    expect(statSync(path.join(dir, 'published.png')).ino).toBe(statSync(source).ino);
    expect(statSync(source).nlink).toBe(2);
  });

  it('copies where it cannot link, replacing a file already there', () => {
    const dir = folder();
    const source = path.join(dir, 'card.png');
    const target = path.join(dir, 'published.png');
    writeFileSync(source, 'painted');
    writeFileSync(target, 'an older card');
    linkOrCopy(source, target);
    expect(readFileSync(target, 'utf8')).toBe('painted');
    expect(statSync(target).ino).not.toBe(statSync(source).ino);
  });
});
