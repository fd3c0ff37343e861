import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../../src/files/broken-links.ts';
import { walkFiles } from '../../../src/files/walk.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-links-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const content = path.join(root, 'content');
const study = path.join(content, 'case-studies', 'churn');
fs.mkdirSync(path.join(study, '_notes'), { recursive: true });
fs.writeFileSync(path.join(study, 'history.csv'), 'a,b\n');
fs.symlinkSync('./history.csv', path.join(study, 'copy.csv'));
fs.symlinkSync('./moved/history.csv', path.join(study, 'gone.csv'));
fs.symlinkSync('gone-too.csv', path.join(study, '_notes', 'old.csv'));
fs.symlinkSync('loop', path.join(study, 'loop'));
fs.symlinkSync('..', path.join(study, 'up'));

describe('findBrokenLinks', () => {
  it('names links that lead nowhere and loops, under every name, and no other file', () => {
    expect(findBrokenLinks([content, path.join(root, 'no-public')], root)).toEqual([
      {
        file: 'content/case-studies/churn/_notes/old.csv',
        message:
          'a link to "gone-too.csv", which does not exist; remove the link, or put the file itself here',
      },
      {
        file: 'content/case-studies/churn/gone.csv',
        message:
          'a link to "./moved/history.csv", which does not exist; remove the link, or put the file itself here',
      },
      {
        file: 'content/case-studies/churn/loop',
        message:
          'a link that leads back to itself (a loop of links), which no reader can follow; remove it',
      },
      {
        file: 'content/case-studies/churn/up',
        message:
          'a link that leads back to itself (a loop of links), which no reader can follow; remove it',
      },
    ]);
  });

  it('leaves them out of the walks, which pass over them without throwing', () => {
    const walked = walkFiles(study).map(({ relative, regular }) => `${relative} ${regular}`);
    expect(walked).toEqual(['copy.csv true', 'history.csv true']);
  });
});
