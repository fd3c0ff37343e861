import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../../src');

describe('ending the process', () => {
  it('is left to the commands and to child processes: the integration and the engine throw instead', () => {
    const exiting = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|astro)$/.test(file))
      .filter((file) => /process\.exit\(/.test(readFileSync(path.join(src, file), 'utf8')))
      .sort();
    // npm run check (npm run new sets process.exitCode); a child process's own end once it has answered.
    expect(exiting).toEqual(['authoring/check.ts', 'processes/child-process.ts']);
  });
});
