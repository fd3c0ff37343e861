import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it, vi } from 'vitest';
import { checkedLoader } from '../../../../src/content/loaders/checked-loader.ts';

/** A content check that passes when the test says so. */
function contentCheck() {
  let pass: () => void = () => undefined;
  const passed = new Promise<void>((resolve) => (pass = resolve));
  return { pass: () => pass(), checked: () => passed };
}

/** Whether a promise has settled once everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  return done;
}

const context = {} as LoaderContext;

describe('a collection loader during a build', () => {
  it('loads at once, but finishes or throws only after the content check has passed', async () => {
    const error = new Error('InvalidContentEntryDataError: title: Required');
    const broken: Loader = { name: 'broken', load: () => Promise.reject(error) };
    const load = vi.fn(() => Promise.resolve());
    const check = contentCheck();
    const failing = checkedLoader(broken, check.checked).load(context);
    failing.catch(() => undefined);
    const loading = checkedLoader({ name: 'fine', load }, check.checked).load(context);
    expect(load).toHaveBeenCalledWith(context);
    // The check has not answered yet: content with problems must end the
    // build with the check's own lines before Astro could print this error.
    expect(await settled(failing)).toBe(false);
    expect(await settled(loading)).toBe(false);
    check.pass();
    await expect(failing).rejects.toBe(error);
    await expect(loading).resolves.toBeUndefined();
  });

  it('finishes as soon as its work is done once the check has passed', async () => {
    const check = contentCheck();
    check.pass();
    const loading = checkedLoader({ name: 'fine', load: async () => {} }, check.checked).load(
      context,
    );
    expect(await settled(loading)).toBe(true);
  });

  it('keeps the loader’s name', () => {
    const loader = { name: 'casefolio-profile', load: async () => {} };
    expect(checkedLoader(loader, contentCheck().checked).name).toBe('casefolio-profile');
  });
});
