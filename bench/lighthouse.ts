/**
 * Lighthouse's performance audit of built pages, with its mobile preset (a
 * Moto G Power on slow 4G, with 4x CPU slowdown, simulated), run several
 * times per page and reported as medians. For comparing two builds of the
 * same content, as issue 21 asks for a chart-heavy case study before and
 * after its charts were drawn at build time:
 *
 *   node bench/lighthouse.ts [--runs 5] DIST[:URL-PATH] [DIST[:URL-PATH] ...]
 *
 * Each DIST is served on 127.0.0.1 (nothing else resolves in the audited
 * browser); the runs of the DISTs interleave, so a machine that slows down
 * slows both alike.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { HOW_TO_ENABLE, findChromium } from '../tests/helpers/find-chromium.ts';
import { launchChromeForLighthouse } from '../tests/helpers/lighthouse.ts';
import { serveDist } from '../tests/helpers/static-server.ts';

interface Target {
  dist: string;
  urlPath: string;
}

interface Audit {
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  /** Bytes of script transferred during the load. */
  scriptBytes: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The Chromium the browser tests use, found the same way, for Lighthouse to drive. */
async function launchChrome(): Promise<LaunchedChrome> {
  const { found } = await findChromium();
  if (!found) throw new Error(`no Chromium could start: ${HOW_TO_ENABLE}`);
  const envVars = Object.fromEntries(
    Object.entries({ ...process.env, ...found.env }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  return launchChromeForLighthouse({ chromePath: found.executablePath, envVars });
}

async function audit(url: string, port: number): Promise<Audit> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  const lhr = result?.lhr;
  if (!lhr || lhr.runtimeError) {
    throw new Error(
      `Lighthouse could not audit ${url}: ${lhr?.runtimeError?.message ?? 'no result'}`,
    );
  }
  const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const items =
    (
      lhr.audits['resource-summary']?.details as {
        items?: { resourceType: string; transferSize: number }[];
      }
    )?.items ?? [];
  return {
    score: Math.round((lhr.categories['performance']?.score ?? 0) * 100),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    speedIndex: value('speed-index'),
    scriptBytes: items.find((item) => item.resourceType === 'script')?.transferSize ?? 0,
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { runs: { type: 'string', default: '5' } },
    allowPositionals: true,
  });
  const runs = Number(values.runs);
  const targets: Target[] = positionals.map((argument) => {
    const [dist = '', urlPath = '/'] = argument.split(':');
    return { dist: path.resolve(dist), urlPath };
  });
  if (targets.length === 0)
    throw new Error('usage: node bench/lighthouse.ts [--runs N] DIST[:PATH] ...');
  const servers = await Promise.all(targets.map((target) => serveDist(target.dist)));
  const chrome = await launchChrome();
  const results: Audit[][] = targets.map(() => []);
  try {
    for (let run = 0; run < runs; run++) {
      for (const [index, target] of targets.entries()) {
        const url = `${servers[index]?.origin ?? ''}${target.urlPath}`;
        results[index]?.push(await audit(url, chrome.port));
      }
    }
  } finally {
    chrome.kill();
    await Promise.all(servers.map((server) => server.close()));
  }
  for (const [index, target] of targets.entries()) {
    const audits = results[index] ?? [];
    const m = (pick: (audit: Audit) => number) => median(audits.map(pick));
    console.log(
      `${path.relative(process.cwd(), target.dist)}${target.urlPath}: performance ${m((a) => a.score)} ` +
        `(runs: ${audits.map((a) => a.score).join(', ')}), FCP ${(m((a) => a.fcp) / 1000).toFixed(2)} s, ` +
        `LCP ${(m((a) => a.lcp) / 1000).toFixed(2)} s, TBT ${Math.round(m((a) => a.tbt))} ms, ` +
        `CLS ${m((a) => a.cls).toFixed(3)}, Speed Index ${(m((a) => a.speedIndex) / 1000).toFixed(2)} s, ` +
        `script ${(m((a) => a.scriptBytes) / 1024).toFixed(1)} KiB transferred`,
    );
  }
}

await main();
