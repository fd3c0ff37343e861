/**
 * The build benchmark (`npm run bench`): for each N, generates N realistic
 * case studies (bench/generate.ts), builds them with Casefolio and builds the
 * same prose and code with a bare Astro + MDX project, using the same Astro
 * binary, then prints wall time, CPU time, peak RSS, ms per case study, the
 * ratio to the bare baseline and the gzip weight of a case-study page and of
 * the home page, followed by the budget verdicts. Exits 1 when a build fails
 * or a budget is broken.
 *
 *   node bench/run.ts                      N = 100, 500, 1000, then the notebook scenario
 *   node bench/run.ts --n 100,500          or BENCH_N=100,500 (no notebook scenario)
 *   node bench/run.ts --n 2000             the memory check
 *   node bench/run.ts --n 1000 --profile   also writes V8 CPU profiles and prints their top functions
 *   node bench/run.ts --notebook           only the notebook scenario (about 2 minutes at --runs 3)
 *   node bench/run.ts --notebook --n 1000  both
 *   node bench/run.ts --notebook-file x.ipynb  the same with another notebook
 *   node bench/run.ts --n 1000 --prose light   light prose: the same prose, two 3-line code
 *                                          blocks, no charts (bench/generate.ts Prose); the
 *                                          time budget holds on both
 *   node bench/run.ts --n 1000 --cohort 200    a cohort: the same N case studies spread over
 *                                          200 members (5 each), against bare Astro on the
 *                                          same prose; --n 5000 --cohort 1000 is the memory check
 *
 * The notebook scenario builds a site of 20 generated case studies without
 * and with tests/fixtures/notebooks/fifty-figures.ipynb (50 PNG outputs, each
 * with `#| fig-alt:`) shown by `<Notebook>` on the first study, run after
 * run: cold (every cache emptied, as on a first deploy), then each folder
 * again with its caches (warm). It checks the time the notebook adds to a
 * cold build (median of the runs' differences, budget notebookAddedMs), that
 * the notebook's page has no more JavaScript than the same page without it,
 * and that its 50 figures are image files. See docs/performance.md.
 *
 * Options: --runs <k> (default 3: builds per site and N, Casefolio and bare
 * taking turns; each figure is the median run's, peak RSS the largest of all
 * runs), --seed <n> (default: bench/generate.ts DEFAULT_SEED), --no-warmup,
 * --only casefolio|bare, --json <file> (results as JSON; default
 * .tmp/bench/results.json), --help. Everything is written under .tmp/bench/.
 *
 * A build's folder from the run before is moved into .tmp/bench/trash/, not
 * deleted, and the trash is emptied once every build is measured: on a file
 * system that has just deleted thousands of files, creating files costs far
 * more for a minute (ext4 without a journal, as on the machine this was
 * measured on, looks past each inode freed in the last 60 s, 300 s while its
 * block is unwritten), so deleting the last run's output just before timing
 * the next build made the build pay for the benchmark's own cleanup, and
 * Casefolio, whose build writes four times the files, most. A first deploy
 * starts from a fresh checkout. A benchmark started within a minute of
 * another one's end still pays for that one's trash.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as cheerio from 'cheerio';
import { childEnv } from '../tests/helpers/build.ts';
import { BUDGETS, htmlFiles, weighPage, type PageWeight } from './size.ts';
import {
  DEFAULT_SEED,
  NOTEBOOK_FILE,
  bareProject,
  type Prose,
  casefolioContent,
  cohortContent,
  withNotebook,
  writeFiles,
} from './generate.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const benchDir = path.join(projectRoot, '.tmp', 'bench');
/** Build folders of earlier runs, moved aside until every build is measured (see the header). */
const trashDir = path.join(benchDir, 'trash');
let setAsideCount = 0;

/** Moves `dir`, if it is there, into `trash`, where it stays until the benchmark ends. */
export function setAside(dir: string, trash: string = trashDir): void {
  if (!existsSync(dir)) return;
  mkdirSync(trash, { recursive: true });
  renameSync(dir, path.join(trash, `${path.basename(dir)}-${process.pid}-${++setAsideCount}`));
}
const astroBin = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const GNU_TIME = '/usr/bin/time';

/** The budgets of the benchmark issue. JS budgets are bench/size.ts's (KiB = 1,024 bytes). */
const BENCH_BUDGETS = {
  /** Casefolio wall time / bare Astro + MDX wall time, at N = 1,000. */
  timeRatio: 1.3,
  /** Peak RSS of the build at N = 1,000, in bytes (2.5 GB, decimal). */
  peakRss: 2.5e9,
  budgetN: 1000,
  /** JavaScript on load, every page (issue 21): charts are drawn at build time. */
  loadJs: BUDGETS.loadJs,
  /** What touching a chart loads: Chart.js and the live chart. */
  interactionJs: BUDGETS.interactionJs,
  /**
   * Wall time one notebook of 50 image outputs adds to a cold build (issue 18:
   * "at most a few seconds"), median of the runs' differences, on this 2-core VM.
   */
  notebookAddedMs: 5000,
} as const;

/** The notebook of the notebook scenario: 50 code cells, one PNG each, each with `#| fig-alt:`. */
const NOTEBOOK_FIXTURE = path.join(projectRoot, 'tests', 'fixtures', 'notebooks', NOTEBOOK_FILE);

type Site = 'casefolio' | 'bare';

export interface BuildMeasurement {
  site: Site;
  n: number;
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  /** User + system CPU seconds of the build and its waited-for children (GNU time); NaN without it. */
  cpuSeconds: number;
  /** Largest single-process peak RSS in the tree (kernel high-water mark), bytes. */
  maxProcessRss: number;
  /** Largest sum of RSS over the whole process tree, sampled every 100 ms, bytes. */
  treeRss: number;
  /** The figure budgets use: the larger of the two. */
  peakRss: number;
  /** Wall time of every run, in the order they ran; the other figures are the median run's. */
  runsMs: number[];
  htmlPages: number;
  caseStudyPages: number;
  study?: { html: number; js: number; interactionJs: number; sampled: number };
  home?: PageWeight;
  /** The page `weigh` asked for (the notebook scenario's study): its weight and its notebook figures. */
  page?: PageWeight & NotebookFigures;
  logFile: string;
}

/** The notebook figures of a built page: how many, how many inlined, how many missing from dist/. */
interface NotebookFigures {
  figures: number;
  inlined: number;
  missing: number;
}

// ---------------------------------------------------------------------------
// Process-tree memory sampling (Linux /proc)

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** pid -> parent pid, for every process visible in /proc. */
function parentMap(): Map<number, number> {
  const parents = new Map<number, number>();
  let names: string[] = [];
  try {
    names = readdirSync('/proc');
  } catch {
    return parents;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProc(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name sits in parentheses and may contain spaces: parse after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(name), Number(fields[1]));
  }
  return parents;
}

function descendants(root: number): number[] {
  const parents = parentMap();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** VmRSS and VmHWM of a process in bytes. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  const status = readProc(`/proc/${pid}/status`);
  if (!status) return undefined;
  const kb = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
}

class TreeSampler {
  treeRss = 0;
  maxProcessRss = 0;
  /** [epoch ms, tree RSS bytes] every 100 ms, to line memory up with the build log's phases. */
  readonly timeline: [number, number][] = [];
  readonly root: number;
  readonly #timer: NodeJS.Timeout;
  constructor(root: number) {
    this.root = root;
    this.#timer = setInterval(() => this.sample(), 100);
    this.sample();
  }
  sample(): void {
    let sum = 0;
    for (const pid of descendants(this.root)) {
      const memory = memoryOf(pid);
      if (!memory) continue;
      sum += memory.rss;
      this.maxProcessRss = Math.max(this.maxProcessRss, memory.hwm);
    }
    this.treeRss = Math.max(this.treeRss, sum);
    this.timeline.push([Date.now(), sum]);
  }
  stop(): void {
    clearInterval(this.#timer);
  }
}

// ---------------------------------------------------------------------------
// Running one build

interface RunOptions {
  label: string;
  /** The Node script to run: Astro's CLI. */
  script: string;
  args: string[];
  env: Record<string, string>;
  nodeFlags?: string[];
}

interface RunResult {
  exitCode: number | null;
  wallMs: number;
  cpuSeconds: number;
  maxProcessRss: number;
  treeRss: number;
  logFile: string;
}

function runMeasured(options: RunOptions): Promise<RunResult> {
  const logFile = path.join(benchDir, 'logs', `${options.label}.log`);
  const timeFile = path.join(benchDir, 'logs', `${options.label}.time`);
  mkdirSync(path.dirname(logFile), { recursive: true });
  rmSync(timeFile, { force: true });
  const command = [process.execPath, ...(options.nodeFlags ?? []), options.script, ...options.args];
  const useTime = existsSync(GNU_TIME);
  const [file, ...args] = useTime ? [GNU_TIME, '-v', '-o', timeFile, ...command] : command;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file as string, args, {
      cwd: projectRoot,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = child.pid === undefined ? undefined : new TreeSampler(child.pid);
    const log: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => log.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => log.push(chunk));
    child.on('error', (error) => {
      sampler?.stop();
      reject(error);
    });
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - started;
      sampler?.stop();
      writeFileSync(logFile, Buffer.concat(log));
      if (sampler) {
        const rows = sampler.timeline.map(
          ([at, rss]) => `${new Date(at).toISOString().slice(11, 23)}\t${Math.round(rss / 1e6)}`,
        );
        writeFileSync(
          logFile.replace(/\.log$/, '.rss.tsv'),
          `time\ttree RSS MB\n${rows.join('\n')}\n`,
        );
      }
      const time = useTime ? (readProc(timeFile) ?? '') : '';
      const field = (name: string) =>
        Number(new RegExp(`${name}: ([\\d.]+)`).exec(time)?.[1] ?? Number.NaN);
      const cpuSeconds = field('User time \\(seconds\\)') + field('System time \\(seconds\\)');
      const maxrss = field('Maximum resident set size \\(kbytes\\)') * 1024;
      resolve({
        exitCode,
        wallMs,
        cpuSeconds,
        maxProcessRss: Math.max(sampler?.maxProcessRss ?? 0, Number.isNaN(maxrss) ? 0 : maxrss),
        treeRss: sampler?.treeRss ?? 0,
        logFile,
      });
    });
  });
}

// ---------------------------------------------------------------------------
// Sites

/** Case-study pages of a built site: /case-studies/<slug>/ (Casefolio) or /<slug>/ (bare). */
function caseStudyPages(site: Site, dist: string, cohort = false): string[] {
  if (cohort) {
    const people = path.join(dist, 'people');
    if (!existsSync(people)) return [];
    return readdirSync(people)
      .sort()
      .flatMap((member) => caseStudyPages(site, path.join(people, member)));
  }
  const folder = site === 'casefolio' ? path.join(dist, 'case-studies') : dist;
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .sort()
    .map((slug) => path.join(folder, slug, 'index.html'))
    .filter((file) => existsSync(file));
}

/** Up to `count` pages spread evenly over the list. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from(
    { length: count },
    (_, i) => items[Math.floor((i * items.length) / count)] as T,
  );
}

/**
 * A fresh build folder: the site's files, and nothing else, so no cache of
 * Astro's (node_modules/.astro: optimised images, the data store) or
 * Casefolio's (cards, decoded notebook images) survives from an earlier build.
 */
function prepare(
  site: Site,
  n: number,
  seed: number,
  dir: string,
  options: { notebook?: string | undefined; prose: Prose; cohort?: number | undefined },
): void {
  const { notebook, prose, cohort } = options;
  setAside(dir);
  if (site === 'casefolio') {
    const content =
      cohort === undefined
        ? casefolioContent(n, seed, prose)
        : cohortContent(n, cohort, seed, prose);
    writeFiles(
      path.join(dir, 'content'),
      notebook === undefined ? content : withNotebook(content, notebook).files,
    );
    // The project's own config and engine (src/, public/) from a root of its
    // own: Astro writes .astro/ (content-modules.mjs, the data store) and its
    // cache under the root, so every build starts cold, like the bare one, and
    // never races other builds of the project over /work/main/.astro.
    const config = `import config from ${JSON.stringify(path.join(projectRoot, 'astro.config.mjs'))};

export default {
  ...config,
  srcDir: ${JSON.stringify(path.join(projectRoot, 'src') + path.sep)},
  publicDir: ${JSON.stringify(path.join(projectRoot, 'public') + path.sep)},
};
`;
    writeFiles(dir, new Map([['astro.config.mjs', config]]));
  } else {
    writeFiles(dir, bareProject(n, seed, prose));
  }
}

async function build(
  site: Site,
  n: number,
  seed: number,
  options: {
    label?: string;
    run?: number;
    profileDir?: string;
    /** A notebook's JSON, shown on the first case study (the notebook scenario). */
    notebook?: string;
    /** Build again in the folder as the last build left it, caches and all. */
    warm?: boolean;
    /** A case study whose page to weigh and count notebook figures on. */
    weigh?: string;
    /** The content's weight besides prose (bench/generate.ts); default `full`. */
    prose?: Prose;
    /** Build Casefolio's content as a cohort of this many members (the bare site is the same). */
    cohort?: number | undefined;
  } = {},
): Promise<BuildMeasurement> {
  const prose = options.prose ?? 'full';
  const cohort = site === 'casefolio' ? options.cohort : undefined;
  const label =
    options.label ??
    `${site}-${prose === 'light' ? 'light-' : ''}${cohort === undefined ? '' : `cohort${cohort}-`}${n}`;
  const dir = path.join(benchDir, label);
  // Every run builds in the same folder; each keeps its own log.
  const logLabel = `${label}${options.warm ? '-warm' : ''}${options.run && options.run > 1 ? `-run${options.run}` : ''}`;
  if (!options.warm || !existsSync(dir)) {
    prepare(site, n, seed, dir, { notebook: options.notebook, prose, cohort });
  }
  const dist = path.join(dir, 'dist');
  const env = childEnv({ NO_COLOR: '1', FORCE_COLOR: '0' });
  // Same addresses for every run: the page weights are read at base `/`.
  for (const key of ['CASEFOLIO_CONTENT_DIR', 'BASE_PATH', 'SITE_URL']) delete env[key];
  const nodeFlags = options.profileDir
    ? ['--cpu-prof', '--cpu-prof-dir', path.join(options.profileDir, logLabel)]
    : [];
  if (site === 'casefolio') env['CASEFOLIO_CONTENT_DIR'] = path.join(dir, 'content');
  // Both are `astro build` with the same Astro, as `npm run build` runs it.
  const args = [
    'build',
    '--root',
    path.relative(projectRoot, dir),
    ...(site === 'casefolio' ? ['--outDir', dist] : []),
  ];
  const script = astroBin;
  // Written to disk first: the files this folder was just given and the
  // last build's output are otherwise written back while this build runs,
  // and it pays for the one before it.
  spawnSync('sync');
  const run = await runMeasured({ label: logLabel, script, args, env, nodeFlags });
  const pages = htmlFiles(dist);
  const studies = caseStudyPages(site, dist, cohort !== undefined);
  const measurement: BuildMeasurement = {
    site,
    n,
    ok: run.exitCode === 0 && studies.length === n,
    exitCode: run.exitCode,
    wallMs: run.wallMs,
    cpuSeconds: run.cpuSeconds,
    maxProcessRss: run.maxProcessRss,
    treeRss: run.treeRss,
    peakRss: Math.max(run.maxProcessRss, run.treeRss),
    runsMs: [run.wallMs],
    htmlPages: pages.length,
    caseStudyPages: studies.length,
    logFile: run.logFile,
  };
  if (studies.length > 0) {
    const weights = spread(studies, 25).map((file) => weighPage(dist, file));
    measurement.study = {
      html: weights.reduce((sum, page) => sum + page.html, 0) / weights.length,
      js: Math.max(...weights.map((page) => page.js)),
      interactionJs: Math.max(...weights.map((page) => page.interactionJs)),
      sampled: weights.length,
    };
  }
  const home = path.join(dist, 'index.html');
  if (existsSync(home)) measurement.home = weighPage(dist, home);
  const page = options.weigh && path.join(dist, 'case-studies', options.weigh, 'index.html');
  if (page && existsSync(page)) {
    measurement.page = { ...weighPage(dist, page), ...notebookFigures(dist, page) };
  }
  return measurement;
}

/** A page's `<Notebook>` figures: each must be an image file in dist/, never a data: URL. */
function notebookFigures(dist: string, file: string): NotebookFigures {
  const $ = cheerio.load(readFileSync(file, 'utf8'));
  const sources = $('.notebook__figure img')
    .map((_, element) => $(element).attr('src') ?? '')
    .get();
  const inlined = sources.filter((src) => !src.startsWith('/')).length;
  const missing = sources.filter(
    (src) =>
      src.startsWith('/') && !existsSync(path.join(dist, decodeURI(src.split('?')[0] ?? ''))),
  ).length;
  return { figures: sources.length, inlined, missing };
}

// ---------------------------------------------------------------------------
// CPU profiles

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives: Casefolio's src file, an npm package, a built chunk, Node or V8. */
/** Casefolio's source files by base name (`image` -> `src/og/image.ts`), to name built chunks; of two files with one name, the last walked wins. */
let sourceNames: Map<string, string> | undefined;
function sourceFileNamed(base: string): string | undefined {
  if (!sourceNames) {
    sourceNames = new Map();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else sourceNames?.set(name.replace(/\.[^.]+$/, ''), path.relative(projectRoot, full));
      }
    };
    walk(path.join(projectRoot, 'src'));
  }
  return sourceNames.get(base);
}

/**
 * Where a function lives: a Casefolio source file (run directly, or bundled
 * into a prerender chunk named after it), an npm package, another built
 * chunk, Node or V8.
 */
function area(url: string, functionName = ''): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const file = url.replace(/^file:\/\//, '');
  const src = path.join(projectRoot, 'src') + path.sep;
  if (file.startsWith(src)) return `casefolio src/${file.slice(src.length)}`;
  const modules = [...file.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].pop();
  if (modules?.[1]) return modules[1];
  if (file.startsWith('node:')) return 'node';
  if (file.includes(`${path.sep}dist${path.sep}`) || file.includes('.prerender')) {
    const chunk = path.basename(file);
    const source = sourceFileNamed(chunk.replace(/_[\w-]{8}\.mjs$/, '').replace(/\.mjs$/, ''));
    return source ? `casefolio ${source} (bundled)` : `built chunk ${chunk}`;
  }
  return path.relative(projectRoot, file);
}

interface ProfileSummary {
  totalMs: number;
  byArea: { name: string; selfMs: number }[];
  topSelf: { name: string; selfMs: number }[];
  topCasefolioInclusive: { name: string; totalMs: number }[];
}

function summarizeProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${area(url, functionName)}${url ? `:${lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    total += delta;
    self.set(key(node), (self.get(key(node)) ?? 0) + delta);
    const where = area(node.callFrame.url, node.callFrame.functionName);
    areas.set(where, (areas.get(where) ?? 0) + delta);
    const seen = new Set<string>();
    for (
      let current: number | undefined = id;
      current !== undefined;
      current = parent.get(current)
    ) {
      const frame = byId.get(current);
      if (!frame || !area(frame.callFrame.url).startsWith('casefolio')) continue;
      const name = key(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
  });
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return {
    totalMs: total,
    byArea: sorted(areas).map(([name, selfMs]) => ({ name, selfMs })),
    topSelf: sorted(self).map(([name, selfMs]) => ({ name, selfMs })),
    topCasefolioInclusive: sorted(inclusive).map(([name, totalMs]) => ({ name, totalMs })),
  };
}

function printProfiles(dir: string): void {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const summary = summarizeProfile(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    if (summary.totalMs < 500) continue; // helper threads
    const pct = (ms: number) => `${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%`;
    const ms = (value: number) => `${Math.round(value).toLocaleString('en-US').padStart(8)} ms`;
    console.log(
      `\n${path.relative(projectRoot, path.join(dir, file))}: ${ms(summary.totalMs).trim()} sampled`,
    );
    console.log('  self time by area:');
    for (const row of summary.byArea.slice(0, 15))
      console.log(`  ${ms(row.selfMs)} ${pct(row.selfMs)}  ${row.name}`);
    console.log('  top functions by self time:');
    for (const row of summary.topSelf)
      console.log(`  ${ms(row.selfMs)} ${pct(row.selfMs)}  ${row.name}`);
    console.log('  Casefolio functions by total (inclusive) time:');
    for (const row of summary.topCasefolioInclusive.slice(0, 15)) {
      console.log(`  ${ms(row.totalMs)} ${pct(row.totalMs)}  ${row.name}`);
    }
  }
}

// ---------------------------------------------------------------------------
// Report

const kib = (bytes: number | undefined) =>
  bytes === undefined ? '-' : `${(bytes / 1024).toFixed(1)} KiB`;
const mb = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * One row from several runs of the same build. On a shared VM the same build
 * varies by several seconds from minute to minute; the median run is the
 * figure least moved by that, and memory is the worst run's.
 */
export function combineRuns(runs: readonly BuildMeasurement[]): BuildMeasurement {
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const median = byWall[Math.floor((byWall.length - 1) / 2)];
  if (!median) throw new Error('no runs to combine');
  const failed = runs.find((run) => !run.ok);
  return {
    ...(failed ?? median),
    maxProcessRss: Math.max(...runs.map((run) => run.maxProcessRss)),
    treeRss: Math.max(...runs.map((run) => run.treeRss)),
    peakRss: Math.max(...runs.map((run) => run.peakRss)),
    runsMs: runs.flatMap((run) => run.runsMs),
  };
}

function table(results: readonly BuildMeasurement[]): string {
  const header = [
    'site',
    'N',
    'pages',
    'wall',
    'CPU',
    'peak RSS',
    'ms/study',
    '× bare',
    '× bare CPU',
    'study HTML',
    'study JS',
    'home HTML',
    'home JS',
  ];
  const rows = results.map((result) => {
    const bare = results.find((other) => other.site === 'bare' && other.n === result.n);
    const ratio = (a: number, b: number | undefined) =>
      result.site === 'casefolio' && b !== undefined && !Number.isNaN(a) && !Number.isNaN(b)
        ? `${(a / b).toFixed(2)}`
        : '';
    return [
      result.ok ? result.site : `${result.site} (FAILED, exit ${result.exitCode})`,
      result.n.toLocaleString('en-US'),
      result.htmlPages.toLocaleString('en-US'),
      seconds(result.wallMs),
      Number.isNaN(result.cpuSeconds) ? '-' : `${result.cpuSeconds.toFixed(1)} s`,
      mb(result.peakRss),
      (result.wallMs / result.n).toFixed(1),
      ratio(result.wallMs, bare?.ok ? bare.wallMs : undefined),
      ratio(result.cpuSeconds, bare?.ok ? bare.cpuSeconds : undefined),
      kib(result.study?.html),
      kib(result.study?.js),
      kib(result.home?.html),
      kib(result.home?.js),
    ];
  });
  return markdownTable(header, rows);
}

/** A Markdown table, padded to line up: the first column left-aligned, the others right. */
function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => (i < 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (i < 1 ? `-${'-'.repeat(width)}-` : `-${'-'.repeat(width)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export interface Verdict {
  ok: boolean | undefined;
  text: string;
}

export function verdicts(results: readonly BuildMeasurement[]): Verdict[] {
  const out: Verdict[] = [];
  const budgetN = BENCH_BUDGETS.budgetN;
  const atN = (site: Site) => results.find((r) => r.site === site && r.n === budgetN && r.ok);
  const casefolio = atN('casefolio');
  const bare = atN('bare');
  const at = `at N = ${budgetN.toLocaleString('en-US')}`;
  if (casefolio && bare) {
    const ratio = casefolio.wallMs / bare.wallMs;
    out.push({
      ok: ratio <= BENCH_BUDGETS.timeRatio,
      text: `time ratio to bare Astro ${at}: ${ratio.toFixed(2)} (budget ≤ ${BENCH_BUDGETS.timeRatio}); CPU-time ratio ${(casefolio.cpuSeconds / bare.cpuSeconds).toFixed(2)}`,
    });
  } else {
    out.push({ ok: undefined, text: `time ratio to bare Astro ${at}: not measured in this run` });
  }
  if (casefolio) {
    out.push({
      ok: casefolio.peakRss <= BENCH_BUDGETS.peakRss,
      text: `peak RSS ${at}: ${mb(casefolio.peakRss)} (budget ≤ ${mb(BENCH_BUDGETS.peakRss)})`,
    });
  } else {
    out.push({ ok: undefined, text: `peak RSS ${at}: not measured in this run` });
  }
  const built = results.filter((r) => r.site === 'casefolio' && r.ok);
  const studyJs = Math.max(0, ...built.map((r) => r.study?.js ?? 0));
  const homeJs = Math.max(0, ...built.map((r) => r.home?.js ?? 0));
  const touchJs = Math.max(0, ...built.map((r) => r.study?.interactionJs ?? 0));
  if (built.length > 0) {
    out.push({
      ok: studyJs <= BENCH_BUDGETS.loadJs,
      text: `case-study page JS on load: ${kib(studyJs)} gzip, largest sampled (budget ≤ ${kib(BENCH_BUDGETS.loadJs)})`,
    });
    out.push({
      ok: homeJs <= BENCH_BUDGETS.loadJs,
      text: `home page JS on load: ${kib(homeJs)} gzip (budget ≤ ${kib(BENCH_BUDGETS.loadJs)})`,
    });
    out.push({
      ok: touchJs <= BENCH_BUDGETS.interactionJs,
      text: `JS on touching a chart: ${kib(touchJs)} gzip (budget ≤ ${kib(BENCH_BUDGETS.interactionJs)})`,
    });
  }
  for (const result of results.filter((r) => !r.ok)) {
    out.push({
      ok: false,
      text: `${result.site} N = ${result.n.toLocaleString('en-US')} did not build: exit ${result.exitCode}, ${result.caseStudyPages} of ${result.n} case-study pages; see ${path.relative(projectRoot, result.logFile)}`,
    });
  }
  for (const result of results.filter((r) => r.site === 'casefolio' && r.ok && r.n > budgetN)) {
    out.push({
      ok: true,
      text: `N = ${result.n.toLocaleString('en-US')} builds: ${seconds(result.wallMs)}, peak RSS ${mb(result.peakRss)}`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// The notebook scenario

/** Case studies in the notebook scenario's site: small, so the notebook's cost stands out from the noise. */
const NOTEBOOK_N = 20;

/** The notebook scenario: the same small site built without and with one notebook, run by run. */
export interface NotebookResult {
  n: number;
  /** The case study whose page shows the notebook. */
  slug: string;
  /** The notebook measured, relative to the project. */
  notebook: string;
  /** Its image outputs: the page must show each as a file. */
  figures: number;
  /** Cold builds (every cache emptied), the median run of each; then the same folder built again. */
  cold: { without: BuildMeasurement; with: BuildMeasurement };
  warm?: { without: BuildMeasurement; with: BuildMeasurement };
  /** Every build with the notebook, cold and warm: each page is weighed. */
  withRuns: BuildMeasurement[];
  withoutRuns: BuildMeasurement[];
  /** With minus without, run by run, in run order. */
  addedMs: number[];
  addedCpuSeconds: number[];
  warmAddedMs: number[];
  warmAddedCpuSeconds: number[];
}

/** The median, taking the lower middle value of an even count (as combineRuns does). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

/**
 * With minus without, run by run: builds that run one after the other see
 * the same state of a shared VM, so the differences drift less than either
 * build's time does.
 */
export function pairedDifferences(
  without: readonly BuildMeasurement[],
  withNotebook: readonly BuildMeasurement[],
): { ms: number[]; cpuSeconds: number[] } {
  const pairs = withNotebook.map((run, i) => [without[i], run] as const);
  return {
    ms: pairs.map(([off, on]) => (off ? on.wallMs - off.wallMs : Number.NaN)),
    cpuSeconds: pairs.map(([off, on]) => (off ? on.cpuSeconds - off.cpuSeconds : Number.NaN)),
  };
}

const signed = (ms: number) => `${ms < 0 ? '−' : '+'}${(Math.abs(ms) / 1000).toFixed(1)} s`;
const joined = (values: readonly number[], format: (value: number) => string) =>
  values.map(format).join(', ');

export function notebookVerdicts(result: NotebookResult): Verdict[] {
  const out: Verdict[] = [];
  const at = `at N = ${result.n}`;
  const failed = [...result.withRuns, ...result.withoutRuns].filter((run) => !run.ok);
  for (const run of failed) {
    out.push({
      ok: false,
      text: `notebook scenario ${path.basename(run.logFile, '.log')} did not build: exit ${run.exitCode}, ${run.caseStudyPages} of ${run.n} case-study pages; see ${path.relative(projectRoot, run.logFile)}`,
    });
  }
  if (failed.length > 0) return out;
  const added = median(result.addedMs);
  const runs = result.addedMs.length;
  out.push({
    ok: added <= BENCH_BUDGETS.notebookAddedMs,
    text: `a notebook with ${result.figures} image outputs adds ${signed(added)} to a cold build ${at} (budget ≤ ${seconds(BENCH_BUDGETS.notebookAddedMs)}; ${runs > 1 ? `median of ${runs} runs: ${joined(result.addedMs, signed)}` : '1 run'}); CPU ${signed(1000 * median(result.addedCpuSeconds))}${runs > 1 ? ` (${joined(result.addedCpuSeconds, (cpu) => signed(1000 * cpu))})` : ''}`,
  });
  if (result.warmAddedMs.length > 0) {
    out.push({
      ok: undefined,
      text: `the same built again with its caches (warm): ${signed(median(result.warmAddedMs))}, CPU ${signed(1000 * median(result.warmAddedCpuSeconds))} (no budget)`,
    });
  }
  const pages = result.withRuns.map((run) => run.page);
  const withJs = Math.max(...pages.map((page) => page?.js ?? Number.POSITIVE_INFINITY));
  const withoutJs = Math.min(
    ...result.withoutRuns.map((run) => run.page?.js ?? Number.POSITIVE_INFINITY),
  );
  out.push({
    ok: withJs <= withoutJs,
    text: `JavaScript on the notebook's page: ${kib(withJs)} gzip; the same page without the notebook ${kib(withoutJs)} (budget: no more)`,
  });
  const figures = pages.map((page) => page ?? { figures: 0, inlined: 0, missing: 0 });
  const worst = figures.find(
    (page) => page.figures !== result.figures || page.inlined > 0 || page.missing > 0,
  );
  out.push({
    ok: worst === undefined,
    text: worst
      ? `the notebook's page shows ${worst.figures} of its ${result.figures} figures, ${worst.inlined} inlined, ${worst.missing} not in dist/`
      : `the notebook's page shows its ${result.figures} figures as image files in dist/, none inlined`,
  });
  return out;
}

/** The image outputs of a notebook's code cells (nbformat 4 JSON), as `<Notebook>` shows them. */
export function imageOutputs(notebookJson: string): number {
  const notebook = JSON.parse(notebookJson) as {
    cells?: { outputs?: { data?: Record<string, unknown> }[] }[];
  };
  const images = ['image/png', 'image/jpeg', 'image/svg+xml'];
  return (notebook.cells ?? [])
    .flatMap((cell) => cell.outputs ?? [])
    .filter((output) => images.some((mime) => output.data?.[mime] !== undefined)).length;
}

async function notebookScenario(
  seed: number,
  runCount: number,
  options: { warm: boolean; file: string; profileDir?: string },
): Promise<NotebookResult> {
  const n = NOTEBOOK_N;
  const notebook = readFileSync(options.file, 'utf8');
  const { slug } = withNotebook(casefolioContent(n, seed), notebook);
  const builds = {
    without: { label: 'notebook-without', notebook: undefined },
    with: { label: 'notebook-with', notebook },
  } as const;
  const runs = { without: [], with: [], warmWithout: [], warmWith: [] } as Record<
    'without' | 'with' | 'warmWithout' | 'warmWith',
    BuildMeasurement[]
  >;
  const one = async (
    which: 'without' | 'with',
    run: number,
    warm: boolean,
  ): Promise<BuildMeasurement> => {
    const { label, notebook: text } = builds[which];
    const of = runCount > 1 ? ` (run ${run} of ${runCount})` : '';
    process.stdout.write(`${label} N = ${n}, ${warm ? 'warm' : 'cold'}${of}... `);
    const result = await build('casefolio', n, seed, {
      label,
      run,
      warm,
      weigh: slug,
      ...(text === undefined ? {} : { notebook: text }),
      ...(options.profileDir ? { profileDir: options.profileDir } : {}),
    });
    console.log(
      result.ok
        ? `${seconds(result.wallMs)}, ${result.cpuSeconds.toFixed(1)} s CPU`
        : `FAILED (exit ${result.exitCode}); see ${path.relative(projectRoot, result.logFile)}`,
    );
    if (options.profileDir) {
      printProfiles(path.join(options.profileDir, path.basename(result.logFile, '.log')));
    }
    return result;
  };
  for (let run = 1; run <= runCount; run++) {
    // Cold without, cold with, then each folder built again as it was left.
    runs.without.push(await one('without', run, false));
    runs.with.push(await one('with', run, false));
    if (options.warm) {
      runs.warmWithout.push(await one('without', run, true));
      runs.warmWith.push(await one('with', run, true));
    }
  }
  const cold = pairedDifferences(runs.without, runs.with);
  const warm = pairedDifferences(runs.warmWithout, runs.warmWith);
  return {
    n,
    slug,
    notebook: path.relative(projectRoot, options.file),
    figures: imageOutputs(notebook),
    cold: { without: combineRuns(runs.without), with: combineRuns(runs.with) },
    ...(options.warm
      ? { warm: { without: combineRuns(runs.warmWithout), with: combineRuns(runs.warmWith) } }
      : {}),
    withRuns: [...runs.with, ...runs.warmWith],
    withoutRuns: [...runs.without, ...runs.warmWithout],
    addedMs: cold.ms,
    addedCpuSeconds: cold.cpuSeconds,
    warmAddedMs: warm.ms,
    warmAddedCpuSeconds: warm.cpuSeconds,
  };
}

function notebookTable(result: NotebookResult): string {
  const rows: [string, BuildMeasurement][] = [
    ['cold, without', result.cold.without],
    ['cold, with the notebook', result.cold.with],
    ...(result.warm
      ? ([
          ['warm, without', result.warm.without],
          ['warm, with the notebook', result.warm.with],
        ] as [string, BuildMeasurement][])
      : []),
  ];
  const header = ['build', 'wall', 'CPU', 'peak RSS', 'runs', 'page HTML', 'page JS'];
  const cells = rows.map(([name, build]) => [
    name,
    seconds(build.wallMs),
    `${build.cpuSeconds.toFixed(1)} s`,
    mb(build.peakRss),
    joined(build.runsMs, seconds),
    kib(build.page?.html),
    kib(build.page?.js),
  ]);
  return markdownTable(header, cells);
}

// ---------------------------------------------------------------------------

function parseNs(text: string): number[] {
  const ns = text.split(',').map((part) => Number(part.trim().replace(/_/g, '')));
  if (ns.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`bad --n: ${text}`);
  return ns;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: 'string' },
      seed: { type: 'string' },
      'no-warmup': { type: 'boolean', default: false },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      runs: { type: 'string' },
      json: { type: 'string' },
      notebook: { type: 'boolean', default: false },
      'notebook-file': { type: 'string' },
      prose: { type: 'string' },
      cohort: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage());
    return;
  }
  // One run under --profile: a profile is read on its own, not compared.
  const runCount = values.profile ? 1 : Number(values.runs ?? process.env['BENCH_RUNS'] ?? 3);
  if (!Number.isInteger(runCount) || runCount < 1) throw new Error(`bad --runs: ${values.runs}`);
  const nText = values.n ?? process.env['BENCH_N'];
  // The default run measures everything; --n only those N, --notebook only
  // the notebook, both flags both.
  const notebookAsked = values.notebook || values['notebook-file'] !== undefined;
  const ns = notebookAsked && nText === undefined ? [] : parseNs(nText ?? '100,500,1000');
  const measureNotebook = notebookAsked || nText === undefined;
  const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
  const prose = values.prose ?? 'full';
  if (prose !== 'full' && prose !== 'light')
    throw new Error(`bad --prose: ${prose} (full or light)`);
  const cohort = values.cohort === undefined ? undefined : Number(values.cohort);
  if (cohort !== undefined && (!Number.isInteger(cohort) || cohort < 1)) {
    throw new Error(`bad --cohort: ${values.cohort} (a number of members)`);
  }
  const sites: Site[] =
    values.only === 'casefolio' || values.only === 'bare' ? [values.only] : ['casefolio', 'bare'];
  const profileDir = values.profile ? path.join(benchDir, 'profiles') : undefined;
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(benchDir, { recursive: true });

  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const measuring = [
    ...(ns.length > 0 ? [`N = ${ns.join(', ')}`] : []),
    ...(measureNotebook ? [`the notebook (N = ${NOTEBOOK_N})`] : []),
  ].join(' and ');
  console.log(
    `Casefolio build benchmark: ${measuring}${prose === 'light' ? ' (light prose)' : ''}${cohort === undefined ? '' : ` as a cohort of ${cohort} members`}, seed ${seed}, Node ${process.version}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, NODE_OPTIONS=${process.env['NODE_OPTIONS'] ?? '(unset)'}, load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `Memory: ${existsSync(GNU_TIME) ? 'GNU time max RSS and ' : ''}/proc sampling of the whole build process tree.`,
  );

  if (!values['no-warmup']) {
    process.stdout.write('warm-up (N = 3, not measured)... ');
    for (const site of ns.length > 0 ? sites : (['casefolio'] as const)) {
      const warm = await build(site, 3, seed, { label: `warmup-${site}` });
      if (!warm.ok) {
        console.log(`${site} warm-up failed; see ${path.relative(projectRoot, warm.logFile)}`);
        process.exitCode = 1;
        return;
      }
    }
    console.log('done');
  }

  const results: BuildMeasurement[] = [];
  for (const n of ns) {
    const runs = new Map<Site, BuildMeasurement[]>(sites.map((site) => [site, []]));
    for (let run = 1; run <= runCount; run++) {
      for (const site of sites) {
        const of = runCount > 1 ? ` (run ${run} of ${runCount})` : '';
        process.stdout.write(`${site} N = ${n.toLocaleString('en-US')}${of}... `);
        const result = await build(site, n, seed, {
          run,
          prose,
          cohort,
          ...(profileDir ? { profileDir } : {}),
        });
        runs.get(site)?.push(result);
        console.log(
          result.ok
            ? `${seconds(result.wallMs)}, ${mb(result.peakRss)}`
            : `FAILED (exit ${result.exitCode}); see ${path.relative(projectRoot, result.logFile)}`,
        );
        if (profileDir) printProfiles(path.join(profileDir, path.basename(result.logFile, '.log')));
      }
    }
    for (const site of sites) results.push(combineRuns(runs.get(site) ?? []));
  }
  const notebook = measureNotebook
    ? await notebookScenario(seed, runCount, {
        warm: true,
        file: path.resolve(values['notebook-file'] ?? NOTEBOOK_FIXTURE),
        ...(profileDir ? { profileDir } : {}),
      })
    : undefined;

  const list: Verdict[] = [];
  if (results.length > 0) {
    console.log(`\n${table(results)}\n`);
    console.log(
      `${runCount > 1 ? `each figure is the median of ${runCount} runs (peak RSS: the largest); ` : ''}wall: build subprocess start to exit; CPU: user + system incl. children; peak RSS: max of the largest process high-water mark and the sampled sum over the process tree; ms/study: wall / N; HTML: mean gzip of up to 25 case-study pages; JS: largest gzip JavaScript of those pages.\n`,
    );
    list.push(...verdicts(results));
  }
  if (notebook) {
    console.log(
      `\nThe notebook: ${NOTEBOOK_N} case studies, built without and with ${notebook.notebook} (${notebook.figures} image outputs) on /case-studies/${notebook.slug}/\n\n${notebookTable(notebook)}\n`,
    );
    console.log(
      `cold: every cache emptied before the build (Astro's optimised images, the decoded notebook images, the cards), as on a first deploy; warm: the same folder built again right after. ${runCount > 1 ? `Each row is its median run; the added time below is the median of the runs' differences. ` : ''}page: /case-studies/${notebook.slug}/, gzip, weighed like the case-study pages above.\n`,
    );
    list.push(...notebookVerdicts(notebook));
  }
  for (const verdict of list) {
    console.log(`${verdict.ok === undefined ? '–' : verdict.ok ? '✔' : '✘'} ${verdict.text}`);
  }
  const jsonFile = values.json ?? path.join(benchDir, 'results.json');
  writeFileSync(
    jsonFile,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpu, cores: os.cpus().length, loadAverage: os.loadavg(), nodeOptions: process.env['NODE_OPTIONS'] ?? null, seed, prose, cohort: cohort ?? null, results, ...(notebook ? { notebook } : {}) }, null, 2)}\n`,
  );
  if (list.some((verdict) => verdict.ok === false)) process.exitCode = 1;
}

/** The header comment's usage lines, for --help. */
function usage(): string {
  const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  const comment = /^\/\*\*\n([\s\S]*?)\n \*\//.exec(source)?.[1] ?? '';
  return comment.replace(/^ \*(?: |$)/gm, '');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await main();
  } finally {
    rmSync(trashDir, { recursive: true, force: true });
  }
}
