// Loaded with `node --import` (through NODE_OPTIONS, so the build's child
// processes load it too) by artifact-reads.test.ts: appends the path of every
// file read under CASEFOLIO_TRACE_UNDER to CASEFOLIO_TRACE_FILE, one line per
// read, with the process id. The build's own code carries no test hook.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const under = process.env.CASEFOLIO_TRACE_UNDER;
const log = process.env.CASEFOLIO_TRACE_FILE;

if (under && log) {
  const note = (file) => {
    if (typeof file !== 'string' && !(file instanceof URL)) return;
    const absolute = path.resolve(file instanceof URL ? file.pathname : file);
    if (absolute.startsWith(under + path.sep)) {
      const stack = process.env.CASEFOLIO_TRACE_STACK
        ? `\t${new Error().stack
            .split('\n')
            .slice(3, 9)
            .map((l) => l.trim())
            .join(' < ')}`
        : '';
      fs.appendFileSync(log, `${process.pid}\t${path.relative(under, absolute)}${stack}\n`);
    }
  };
  const wrap = (owner, name) => {
    const original = owner[name];
    owner[name] = function traced(file, ...rest) {
      note(file);
      return original.call(this, file, ...rest);
    };
  };
  wrap(fs, 'readFileSync');
  wrap(fs, 'readFile');
  wrap(fs, 'openSync');
  wrap(fs, 'open');
  wrap(fs, 'createReadStream');
  wrap(fs.promises, 'readFile');
  wrap(fs.promises, 'open');
  // ESM imports of node:fs (`import { readFileSync } from 'node:fs'`) see the wrapped functions.
  syncBuiltinESMExports();
}
