import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { expect } from 'vitest';

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

/** What a build is made of: the same three make the same site. */
interface BuildConfig {
  /**
   * Folder under tests/fixtures/ whose content/ is built: `sample` (a copy of the
   * shipped sample portfolio) by default. Tests never build the user's content/.
   */
  fixture?: string;
  /** Extra CLI arguments, e.g. ['--base', '/portfolio/']. */
  args?: string[];
  /** Extra environment; a CASEFOLIO_CONTENT_DIR here wins over `fixture`. */
  env?: Record<string, string>;
}

/**
 * A shared build: built on first use in a test run and handed, folder and
 * output, to every later caller with the same fixture, arguments and
 * environment. Its folder is read-only to tests.
 */
export interface SharedBuildOptions extends BuildConfig {
  fresh?: false;
  label?: never;
}

/**
 * A build of the test's own into .tmp/builds/<label>, made on every call: for
 * tests that write into the output folder, build twice, build a content copy
 * they change, or depend on the cache as it was just before the build.
 */
interface FreshBuildOptions extends BuildConfig {
  fresh: true;
  /** The output folder's name, so two fresh builds don't collide. */
  label: string;
}

export type BuildOptions = SharedBuildOptions | FreshBuildOptions;

/**
 * Where shared builds live for one test run; the run's global setup
 * (tests/helpers/build-setup.ts) empties it first, so no build outlives a run.
 */
export const sharedBuildsDir = path.join(projectRoot, '.tmp', 'builds', 'shared');

/**
 * Runs `astro build` for a fixture's content in a subprocess, like an intern
 * would: shared with identical builds of the run unless `fresh` is set.
 */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  if (options.fresh) {
    return runBuild(
      path.join(projectRoot, '.tmp', 'builds', options.label),
      options,
      options.label,
    );
  }
  if ('label' in options) {
    throw new Error("buildSite: a label names a fresh build's folder; pass fresh: true with it");
  }
  return sharedBuild(options);
}

/** The build of a config made once per run; later callers wait for it and get the same result. */
async function sharedBuild(config: BuildConfig): Promise<BuildResult> {
  if (config.env?.['CASEFOLIO_CONTENT_DIR'] !== undefined) {
    // A content folder outside tests/fixtures/ is a copy the test may change between builds.
    throw new Error('buildSite: a build of a content copy must be fresh (fresh: true, label)');
  }
  const fixture = config.fixture ?? 'sample';
  const env = Object.entries(config.env ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = createHash('sha256')
    .update(JSON.stringify([fixture, config.args ?? [], env]))
    .digest('hex')
    .slice(0, 12);
  const outDir = path.join(sharedBuildsDir, `${fixture.replaceAll('/', '-')}-${key}`);
  const resultFile = `${outDir}.json`;
  const lock = `${outDir}.lock`;
  mkdirSync(sharedBuildsDir, { recursive: true });
  for (;;) {
    if (existsSync(resultFile)) {
      const saved = JSON.parse(readFileSync(resultFile, 'utf8')) as Omit<BuildResult, 'outDir'>;
      logBuild(config, path.basename(outDir), 'reused', 0);
      return { ...saved, outDir };
    }
    if (!takeLock(lock)) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      const result = await runBuild(outDir, config, path.basename(outDir));
      const { code, stdout, stderr } = result;
      writeFileSync(`${resultFile}.part`, JSON.stringify({ code, stdout, stderr }));
      renameSync(`${resultFile}.part`, resultFile);
      return result;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * Takes a build's lock (a folder, made atomically) unless another caller holds
 * it; the lock of a process that died mid-build is cleared for the next try.
 */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch {
    if (abandoned(lock)) rmSync(lock, { recursive: true, force: true });
    return false;
  }
  writeFileSync(path.join(lock, 'pid'), String(process.pid));
  return true;
}

/** Whether a lock's holder is gone: its process ended, or it never wrote its pid. */
function abandoned(lock: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return true;
    if (code !== 'ENOENT') return false;
  }
  // No pid yet: made a moment ago, or just let go; or its maker died in between.
  try {
    return Date.now() - statSync(lock).mtimeMs > 10_000;
  } catch {
    return false;
  }
}

/**
 * With CASEFOLIO_TEST_BUILD_LOG=<file>, appends a JSON line for each build a
 * test asks for (made, or reused from the run's shared builds), to count them.
 */
function logBuild(config: BuildConfig, label: string, how: 'built' | 'reused', seconds: number) {
  const log = process.env['CASEFOLIO_TEST_BUILD_LOG'];
  if (!log) return;
  const { fixture = 'sample', args = [], env = {} } = config;
  const entry = { how, fixture, args, env, label, seconds, test: expect.getState().testPath };
  appendFileSync(log, `${JSON.stringify(entry)}\n`);
}

/** What a finished command printed, and its exit code. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end with nothing on stdin, keeping what it prints. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function runBuild(outDir: string, config: BuildConfig, label: string): Promise<BuildResult> {
  const fixture = config.fixture ?? 'sample';
  rmSync(outDir, { recursive: true, force: true });
  const env = childEnv({
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    CASEFOLIO_CONTENT_DIR: path.join('tests', 'fixtures', fixture, 'content'),
    ...config.env,
  });
  const started = performance.now();
  const result = await runCommand(
    process.execPath,
    [astroBin, 'build', ...testConfigArgs, '--outDir', outDir, ...(config.args ?? [])],
    { cwd: projectRoot, env },
  );
  logBuild(config, label, 'built', Math.round((performance.now() - started) / 100) / 10);
  return { ...result, outDir };
}

/** Whether a path is a folder, after following links (a link that leads nowhere is a file). */
function isFolder(full: string): boolean {
  try {
    return statSync(full).isDirectory();
  } catch {
    return false;
  }
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (isFolder(full)) walk(full);
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
