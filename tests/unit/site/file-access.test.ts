import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/build.ts';

const src = path.join(projectRoot, 'src');

/** Every .astro and .ts file under a folder of src/, relative to src/. */
function filesUnder(folder: string): string[] {
  return readdirSync(path.join(src, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(astro|ts)$/.test(name))
    .map((name) => path.join(folder, name));
}

/**
 * The modules a file imports at run time (type-only imports are erased):
 * relative paths resolved against src/, anything else (node:fs, packages,
 * virtual modules) as written.
 */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(src, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1] ?? '');
  return specifiers.map((specifier) =>
    specifier.startsWith('.') ? path.join(path.dirname(file), specifier) : specifier,
  );
}

const READS_FILES = /^(node:)?fs(\/promises)?$/;

/**
 * The chains of imports from `file` to a module that imports node:fs, not
 * passing through site/: the folder that reads what pages show.
 */
function pathsToFiles(file: string, seen = new Set<string>()): string[][] {
  if (seen.has(file)) return [];
  seen.add(file);
  return importsOf(file).flatMap((imported) => {
    if (READS_FILES.test(imported)) return [[file, imported]];
    if (!existsSync(path.join(src, imported)) || imported.startsWith(`site${path.sep}`)) return [];
    return pathsToFiles(imported, seen).map((chain) => [file, ...chain]);
  });
}

describe('components, layouts and pages', () => {
  it('read no file themselves, nor through any module outside site/', () => {
    const views = ['components', 'layouts', 'pages'].flatMap(filesUnder);
    expect(views).toContain(path.join('components', 'mdx', 'Chart.astro'));
    const chains = views.flatMap((view) => pathsToFiles(view)).map((chain) => chain.join(' > '));
    expect(chains).toEqual([]);
  });
});
