import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { parse, type Node } from 'acorn';
import type { BodyProblem } from './checks.ts';
import type { MdxContents } from './elements.ts';
import { checkLocalFile } from '../../files/paths.ts';
import { isImagePath } from '../../files/image-types.ts';

/**
 * The `import` and `export` lines of an MDX body, checked before the build
 * reads them: an import the bundler cannot resolve stops the build with
 * Vite's raw `UNRESOLVED_IMPORT`, and a script it can resolve runs.
 *
 * - `export` may hold only a plain value (`code.ts` says so).
 * - An import of a file must name an image or a JSON file inside content/
 *   that exists: a script (JavaScript, TypeScript, MDX, Astro) would run,
 *   and the bundler reads any other file as one.
 * - An import of a package must name one installed in the project; Node's
 *   own modules (`node:fs`) and Astro's virtual ones (`astro:content`) are
 *   refused: they read the machine and the site's internals.
 *
 * The components are there without an import, so a case study needs none.
 */
export function importProblems(
  body: Pick<MdxContents, 'code'>,
  mdxFile: string,
  contentDir: string,
): BodyProblem[] {
  const problems: BodyProblem[] = [];
  for (const block of body.code.filter(({ kind }) => kind === 'module')) {
    let statements: Node[];
    try {
      statements = (
        parse(block.code, {
          ecmaVersion: 'latest',
          sourceType: 'module',
          locations: true,
        }) as Node & {
          body: Node[];
        }
      ).body;
    } catch {
      continue; // the MDX parser has read it; a syntax error is its to report
    }
    for (const statement of statements) {
      const line = block.line + (statement.loc?.start.line ?? 1) - 1;
      if (statement.type === 'ImportDeclaration') {
        const source = String((statement as Node & { source: { value: unknown } }).source.value);
        const message = importProblem(source, mdxFile, contentDir);
        if (message) problems.push({ line, message: `import "${source}": ${message}` });
      }
    }
  }
  return problems;
}

/** File types that run when imported. */
const SCRIPT = /\.(?:[cm]?[jt]sx?|mdx?|astro|svelte|vue|wasm|node)$/i;

function importProblem(source: string, mdxFile: string, contentDir: string): string | undefined {
  // Where an import may point (inside content/, a package, no Node module or
  // scheme) is the body's import rule (safety.ts); what it finds there is this.
  if (source.startsWith('.') || path.isAbsolute(source)) {
    if (checkLocalFile(source, mdxFile, contentDir)) return undefined;
    if (isImagePath(source) || /\.json$/i.test(source)) return undefined;
    if (SCRIPT.test(source) || !path.extname(source)) {
      return 'a script, which would run during the build; Casefolio runs no code from content, so remove the import';
    }
    return 'only images and JSON files can be imported; show data with <Chart src="..." /> instead';
  }
  const name = packageName(source);
  if (source.startsWith('node:') || builtinModules.includes(name)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) || name === '') return undefined;
  if (!isInstalled(name, path.dirname(mdxFile))) {
    return `no package "${name}" is installed in the project; install it with npm install ${name}, or remove the import`;
  }
  return undefined;
}

/** `@scope/name/sub` -> `@scope/name`; `name/sub` -> `name`. */
function packageName(source: string): string {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
}

/** Whether a node_modules folder on the way up from `dir` holds the package, as the bundler looks. */
function isInstalled(name: string, dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, 'node_modules', name, 'package.json'))) return true;
    if (path.dirname(current) === current) return false;
  }
}
