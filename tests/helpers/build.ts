import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const astroBin = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

/**
 * The Astro config every test build, dev server and check uses (relative to the
 * project root), never the user's astro.config.mjs or public/.
 */
export const testConfig = 'tests/astro.config.mjs';

/** `astro build|dev` and `npm run check` arguments that select the test config. */
export const testConfigArgs = ['--config', testConfig];

export interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

export interface BuildOptions {
  /**
   * Folder under tests/fixtures/ whose content/ is built: `sample` (a copy of the
   * shipped sample portfolio) by default. Tests never build the user's content/.
   */
  fixture?: string;
  /** A name for the output folder, so two builds of one fixture don't collide. */
  label?: string;
  /** Extra CLI arguments, e.g. ['--base', '/portfolio/']. */
  args?: string[];
  /** Extra environment; a CASEFOLIO_CONTENT_DIR here wins over `fixture`. */
  env?: Record<string, string>;
}

/**
 * The environment for an Astro subprocess: this process's, minus what Vitest
 * adds (NODE_ENV=test, VITEST*), which Astro reads and would act on.
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Vite-style variables Vitest sets on process.env would leak into import.meta.env.
    const vitestOnly = ['NODE_ENV', 'TEST', 'DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL'];
    if (value === undefined || vitestOnly.includes(key) || key.startsWith('VITEST')) {
      continue;
    }
    env[key] = value;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs `astro build` for a fixture's content in a subprocess, like an intern would. */
export function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const fixture = options.fixture ?? 'sample';
  const outDir = path.join(projectRoot, '.tmp', 'builds', options.label ?? fixture);
  rmSync(outDir, { recursive: true, force: true });
  const env = childEnv({
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    CASEFOLIO_CONTENT_DIR: path.join('tests', 'fixtures', fixture, 'content'),
    ...options.env,
  });
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [astroBin, 'build', ...testConfigArgs, '--outDir', outDir, ...(options.args ?? [])],
      { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, outDir }));
  });
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/**
 * A built file's bytes as a reader of the site could get them: gunzipped when
 * the file is gzip, as Pagefind's index chunks and fragments are (a scan of
 * the raw bytes would miss a draft's words inside them).
 */
export function readUnzipped(file: string): Buffer {
  const bytes = readFileSync(file);
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/** Loads a built page into cheerio: `page(outDir, 'case-studies/x/')`. */
export function loadPage(outDir: string, urlPath: string): cheerio.CheerioAPI {
  const clean = urlPath.replace(/^\/+/, '');
  const file =
    clean === '' || clean.endsWith('/')
      ? path.join(outDir, clean, 'index.html')
      : path.join(outDir, clean);
  return cheerio.load(readFileSync(file, 'utf8'));
}

/**
 * Text as a reader sees it: text nodes joined with spaces (the build minifies
 * whitespace between block elements), runs of whitespace collapsed.
 */
export function textOf(nodes: cheerio.Cheerio<AnyNode>): string {
  const parts: string[] = [];
  const walk = (node: AnyNode) => {
    if (node.type === 'text') parts.push(node.data);
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  nodes.each((_, node) => walk(node));
  return parts
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:])/g, '$1')
    .trim();
}

/** The visible text of everything matching a selector. */
export function text($: cheerio.CheerioAPI, selector: string): string {
  return textOf($(selector));
}

/**
 * Where a build of a fixture keeps Casefolio's own cache (painted cards, and
 * the build's scratch folder while it runs): the integration gives every
 * content folder but content/ a cache of its own, named by a hash of its path.
 */
export function casefolioCacheDir(fixture: string): string {
  const contentDir = path.join(projectRoot, 'tests', 'fixtures', fixture, 'content');
  const hash = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
  return path.join(projectRoot, 'node_modules', '.astro', `casefolio-${hash}`, 'casefolio');
}
