/**
 * `npm run lint:deps` (run in CI): checks which way imports run between the
 * folders of src/, with dependency-cruiser and the rules in
 * lint/dependency-rules.cjs. Exits non-zero on any violation.
 *
 * dependency-cruiser does not read `.astro` files (sverweij/dependency-cruiser
 * #1007: its loose JavaScript parse drops imports next to TypeScript syntax),
 * so it cruises a copy of src/ in which each `.astro` file becomes
 * `X.astro.ts`, holding the TypeScript of its frontmatter and `<script>` tags:
 * an import of `./X.astro` then still resolves, to that file.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseOptions, type IForbiddenRuleType } from 'dependency-cruiser';

const projectRoot = path.resolve(import.meta.dirname, '..');
const rules = createRequire(import.meta.url)('./dependency-rules.cjs') as {
  forbidden: IForbiddenRuleType[];
  options: ICruiseOptions;
};

/** The script of an `.astro` file: its frontmatter and the bodies of its `<script>` tags. */
function astroScript(source: string): string {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const scripts = [...source.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => match[1],
  );
  return [frontmatter, ...scripts].join('\n');
}

const copy = mkdtempSync(path.join(os.tmpdir(), 'casefolio-deps-'));
try {
  cpSync(path.join(projectRoot, 'src'), path.join(copy, 'src'), { recursive: true });
  cpSync(path.join(projectRoot, 'tsconfig.json'), path.join(copy, 'tsconfig.json'));
  for (const entry of readdirSync(path.join(copy, 'src'), { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.astro')) continue;
    const file = path.join(copy, 'src', entry);
    writeFileSync(`${file}.ts`, astroScript(readFileSync(file, 'utf8')));
    rmSync(file);
  }
  process.chdir(copy);
  const result = await cruise(['src'], {
    ...rules.options,
    validate: true,
    ruleSet: { forbidden: rules.forbidden },
    outputType: 'err',
  });
  // Name the .astro files as they are in the project.
  process.stdout.write(String(result.output).replaceAll('.astro.ts', '.astro'));
  process.exitCode = result.exitCode;
} finally {
  process.chdir(projectRoot);
  rmSync(copy, { recursive: true, force: true });
}
