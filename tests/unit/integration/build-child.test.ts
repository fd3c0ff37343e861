import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planContent, type PlanLocation } from '../../../src/content/plan.ts';
import type { BuildChildAnswer, BuildChildPart } from '../../../src/integration/build-child.ts';
import type { BuiltChart } from '../../../src/charts/data.ts';
import { drawStaticChart, drawingKey, type StaticChart } from '../../../src/charts/static/draw.ts';
import { stagedModelCardName, writeModelCards } from '../../../src/model-card/write.ts';
import { runChildJob } from '../../../src/processes/child-process.ts';
import { projectRoot } from '../../helpers/build.ts';

const BUILD_CHILD = new URL('../../../src/integration/build-child.ts', import.meta.url);
const pages = { site: 'https://ada.example', base: '/portfolio/' };

/** A content folder of the fixtures, checked as a production build checks it. */
function locationOf(fixture: string): PlanLocation {
  return {
    root: projectRoot,
    contentDir: path.join(projectRoot, 'tests/fixtures', fixture, 'content'),
    publicDir: path.join(projectRoot, 'tests/fixtures/public'),
  };
}

const scratches: string[] = [];
afterEach(() => {
  for (const scratch of scratches.splice(0)) rmSync(scratch, { recursive: true, force: true });
});

/** Runs the build's check process on `fixture`: every part it sends, in order, and its answer. */
async function runBuildChild(fixture: string) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'casefolio-build-child-'));
  scratches.push(scratch);
  const searchIndexDir = path.join(scratch, 'search');
  const modelCardsDir = path.join(scratch, 'model-cards');
  const parts: BuildChildPart[] = [];
  const answer = await runChildJob<BuildChildAnswer>(
    BUILD_CHILD,
    {
      location: locationOf(fixture),
      showDrafts: false,
      forBuild: true,
      pages,
      searchIndexDir,
      modelCardsDir,
    },
    { name: 'the content check', onPart: (part) => parts.push(part as BuildChildPart) },
  );
  return { parts, answer, searchIndexDir, modelCardsDir };
}

describe('the check process of a production build', () => {
  it('sends the files to load, then the plan, then the model cards, and answers once the index is written', async () => {
    const { searchRecords, publishedStudies, ...inProcess } = await planContent(
      locationOf('drafts'),
      { showDrafts: false, forBuild: true },
    );
    const { parts, answer, searchIndexDir, modelCardsDir } = await runBuildChild('drafts');

    expect(parts.map((part) => Object.keys(part)[0])).toEqual(['files', 'plan', 'modelCards']);
    const [files, plan, cards] = parts as [
      { files: { caseStudyPatterns: string[] } },
      { plan: unknown },
      { modelCards: [string, string][] },
    ];
    expect(files.files.caseStudyPatterns).toEqual(inProcess.caseStudyPatterns);
    expect(plan.plan).toEqual(inProcess);
    // The cards a writer of its own would write, each in its file under its path.
    expect(publishedStudies).not.toHaveLength(0);
    const expected = writeModelCards(publishedStudies, pages);
    expect(cards.modelCards).toEqual(expected.map(({ key, path }) => [key, path]));
    for (const card of expected) {
      const file = path.join(modelCardsDir, stagedModelCardName(card.path));
      expect(readFileSync(file, 'utf8')).toBe(card.markdown);
    }
    expect(expected.map((card) => card.markdown).join('\n')).toContain(
      'https://ada.example/portfolio/case-studies/',
    );
    // One page in the index per published study; drafts have no record.
    expect(answer).toEqual({ indexed: searchRecords.length });
    expect(searchRecords.length).toBe(publishedStudies.length);
    expect(readdirSync(path.join(searchIndexDir, 'fragment'))).toHaveLength(searchRecords.length);
  });

  it('draws the charts it built and sends them after the plan, in batches', async () => {
    const { parts } = await runBuildChild('valid');
    const kinds = parts.map((part) => Object.keys(part)[0]);
    expect(kinds.slice(0, 2)).toEqual(['files', 'plan']);
    // The drawings come from a thread of their own, beside the model cards.
    expect(kinds.filter((kind) => kind === 'modelCards')).toHaveLength(1);
    expect(new Set(kinds.slice(2))).toEqual(new Set(['drawings', 'modelCards']));
    const plan = (parts[1] as { plan: { charts: [string, BuiltChart][] } }).plan;
    const drawings = new Map(
      parts.flatMap((part) => ('drawings' in part ? part.drawings : [])) as [string, StaticChart][],
    );
    // Every chart the check built, drawn once (two charts alike share one drawing)...
    const configs = plan.charts.map(([, chart]) => chart.config);
    expect(configs.length).toBeGreaterThan(4);
    expect([...drawings.keys()].sort()).toEqual(
      [...new Set(configs.map((config) => drawingKey(config)))].sort(),
    );
    // ...exactly as a page would draw it itself.
    for (const config of configs) {
      expect(drawings.get(drawingKey(config))).toEqual(drawStaticChart(config));
    }
  });

  it('stops at the plan when the content has problems: no model cards, no index', async () => {
    const { parts, answer, searchIndexDir } = await runBuildChild('invalid');
    expect(parts.map((part) => Object.keys(part)[0])).toEqual(['files', 'plan']);
    const plan = (parts[1] as { plan: { problems: unknown[] } }).plan;
    expect(plan.problems).not.toEqual([]);
    expect(answer).toEqual({ indexed: 0 });
    expect(existsSync(searchIndexDir)).toBe(false);
  });
});
