import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { beforeEach, describe, expect, it } from 'vitest';
import { refreshedByFiles } from '../../../../src/content/loaders/refreshed-loader.ts';

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string;
}

/**
 * A project with a content folder and one case study, and a loader context
 * whose store keeps entries as Astro's does: an entry set again under the
 * digest it has is not stored again.
 */
function project() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'refreshed-loader-'));
  const content = path.join(root, 'content');
  const study = path.join(content, 'case-studies', 'churn');
  mkdirSync(study, { recursive: true });
  writeFileSync(path.join(study, 'index.mdx'), '---\ntitle: Churn\n---\n');
  writeFileSync(path.join(study, 'report.json'), '{"f1": 0.8}');
  writeFileSync(path.join(content, 'profile.yaml'), 'name: Ada\n');
  const entries = new Map<string, StoredEntry>();
  const writes: string[] = [];
  const watcher = new EventEmitter();
  const store = {
    values: () => [...entries.values()],
    set: (entry: StoredEntry) => {
      if (entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      writes.push(entry.id);
      return true;
    },
  };
  const context = {
    store,
    watcher,
    config: { root: pathToFileURL(`${root}/`) },
    generateDigest: (data: string) => createHash('sha256').update(data).digest('hex'),
  } as unknown as LoaderContext;
  const loader = refreshedByFiles(
    {
      name: 'glob',
      load: async () => {
        store.set({
          id: 'churn',
          data: { title: 'Churn' },
          filePath: 'content/case-studies/churn/index.mdx',
          digest: 'own',
        });
      },
    },
    content,
    (file) => file.endsWith('.mdx') || file === path.join(content, 'profile.yaml'),
  );
  return { root, content, study, entries, writes, watcher, context, loader };
}

/** Emits a watcher event and waits for the loader to have read what it needs. */
async function announce(watcher: EventEmitter, event: string, file: string): Promise<void> {
  watcher.emit(event, file);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('a collection loader refreshed by the files its pages read, in dev', () => {
  let setup: ReturnType<typeof project>;
  beforeEach(async () => {
    setup = project();
    await setup.loader.load(setup.context);
  });

  it('stores each entry again, data kept, when a file it may read changes', async () => {
    const { study, entries, writes, watcher } = setup;
    writeFileSync(path.join(study, 'report.json'), '{"f1": 0.9}');
    await announce(watcher, 'change', path.join(study, 'report.json'));
    expect(writes).toEqual(['churn', 'churn']);
    expect(entries.get('churn')?.digest).not.toBe('own');
    expect(entries.get('churn')?.data).toEqual({ title: 'Churn' });
  });

  it('for a file deep in a run folder, a new file, a removed one', async () => {
    const { study, writes, watcher } = setup;
    const metric = path.join(study, 'mlruns', '1', 'abc', 'metrics', 'val_auc');
    mkdirSync(path.dirname(metric), { recursive: true });
    writeFileSync(metric, '1 0.8 0\n');
    await announce(watcher, 'add', metric);
    writeFileSync(metric, '1 0.8 0\n2 0.9 1\n');
    await announce(watcher, 'change', metric);
    rmSync(metric);
    await announce(watcher, 'unlink', metric);
    expect(writes).toHaveLength(4);
  });

  it('not again when the same content is announced twice (a save, then its re-announcement)', async () => {
    const { study, writes, watcher } = setup;
    const report = path.join(study, 'report.json');
    await announce(watcher, 'change', report);
    await announce(watcher, 'change', report);
    expect(writes).toHaveLength(2);
  });

  it('leaves the files other loaders read, and files outside the content folder, alone', async () => {
    const { root, content, study, writes, watcher } = setup;
    await announce(watcher, 'change', path.join(study, 'index.mdx'));
    await announce(watcher, 'change', path.join(content, 'profile.yaml'));
    writeFileSync(path.join(root, 'notes.txt'), 'outside');
    await announce(watcher, 'change', path.join(root, 'notes.txt'));
    expect(writes).toEqual(['churn']);
  });

  it('does nothing more than the loader it wraps without a watcher (a build)', async () => {
    const fresh = project();
    const { watcher: _, ...withoutWatcher } = fresh.context;
    await fresh.loader.load(withoutWatcher);
    writeFileSync(path.join(fresh.study, 'report.json'), '{"f1": 0.1}');
    await announce(fresh.watcher, 'change', path.join(fresh.study, 'report.json'));
    expect(fresh.writes).toEqual(['churn']);
  });
});
