import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { afterPath, readDataFile } from '../../../src/files/read.ts';
import { MAX_DATA_FILE_BYTES } from '../../../src/files/size-limit.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-read-'));
  dirs.push(dir);
  return dir;
}

describe('readDataFile', () => {
  it('reads a file as UTF-8 with its modification time, and keeps its first bytes as they are', () => {
    const file = path.join(folder(), 'a.csv');
    fs.writeFileSync(file, 'x,y\nä,1\n');
    expect(readDataFile(file)).toEqual({
      ok: true,
      text: 'x,y\nä,1\n',
      head: Buffer.from('x,y\nä,1\n'),
      mtimeMs: fs.statSync(file).mtimeMs,
    });
    const long = path.join(folder(), 'long.csv');
    fs.writeFileSync(long, 'a'.repeat(1000));
    const read = readDataFile(long);
    expect(read.ok && read.head.length).toBe(256);
  });

  it('reads a file of exactly the limit, and refuses one byte more without reading it', () => {
    const file = path.join(folder(), 'big.csv');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_DATA_FILE_BYTES);
    expect(readDataFile(file).ok).toBe(true);
    // A sparse 630 MB file: once read whole into a string, it crashed the check.
    fs.truncateSync(file, 630 * 1024 * 1024);
    const start = performance.now();
    const read = readDataFile(file);
    expect(performance.now() - start).toBeLessThan(200);
    expect(read).toEqual({
      ok: false,
      followsPath: true,
      message:
        'is 630.00 MB, over the 5 MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot',
    });
    if (read.ok) return;
    expect(afterPath('./big.csv', read)).toMatch(/^\.\/big\.csv is 630\.00 MB, /);
  });

  it('refuses a folder, a missing file and a pipe (without waiting for a writer), never throwing', () => {
    const dir = folder();
    expect(readDataFile(dir)).toMatchObject({
      ok: false,
      message: 'could not be read: it is a folder',
    });
    expect(readDataFile(path.join(dir, 'gone.csv'))).toMatchObject({
      ok: false,
      message: 'could not be read: it is not there any more',
    });
    const pipe = path.join(dir, 'pipe.csv');
    execFileSync('mkfifo', [pipe]);
    expect(readDataFile(pipe)).toMatchObject({
      ok: false,
      message: 'is not a file but a device, pipe or socket; copy the file in instead',
    });
  });

  it('puts any other problem after a colon', () => {
    expect(afterPath('./a.csv', { message: 'row 3 has 1 cell' })).toBe('./a.csv: row 3 has 1 cell');
  });
});
