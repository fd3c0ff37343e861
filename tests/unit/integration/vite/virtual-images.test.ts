import { describe, expect, it } from 'vitest';
import {
  reloadNotebookImages,
  virtualNotebookImages,
} from '../../../../src/integration/vite/virtual-images.ts';

const ID = 'virtual:casefolio/notebook-images';

/** A plugin hook called as Vite would. */
function call<T>(hook: unknown, ...args: unknown[]): T {
  if (typeof hook !== 'function') throw new Error('expected a hook function');
  return (hook as (...a: unknown[]) => T).call({}, ...args);
}

describe('virtual:casefolio/notebook-images', () => {
  it('is a lazy import per decoded image, keyed by its path, once the check has listed them', async () => {
    const plugin = virtualNotebookImages(() =>
      Promise.resolve(['/cache/notebook-images/b2.png', '/cache/notebook-images/a1.svg']),
    );
    const resolved = call<string>(plugin.resolveId, ID);
    expect(resolved).toBe(`\0${ID}`);
    expect(call(plugin.resolveId, 'virtual:casefolio/images')).toBeUndefined();
    expect(await call<Promise<string>>(plugin.load, resolved)).toBe(
      'export default {\n' +
        '  "/cache/notebook-images/a1.svg": () => import("/cache/notebook-images/a1.svg"),\n' +
        '  "/cache/notebook-images/b2.png": () => import("/cache/notebook-images/b2.png"),\n' +
        '};\n',
    );
  });

  it('is loaded again in every environment of the dev server after a re-check', () => {
    const invalidated: string[] = [];
    const environment = (name: string, loaded: boolean) => ({
      moduleGraph: {
        getModuleById: (id: string) => (loaded && id === `\0${ID}` ? { id, name } : undefined),
        invalidateModule: (module: { name: string }) => invalidated.push(module.name),
      },
    });
    const server = {
      environments: { ssr: environment('ssr', true), client: environment('client', false) },
    };
    reloadNotebookImages(server as unknown as Parameters<typeof reloadNotebookImages>[0]);
    expect(invalidated).toEqual(['ssr']);
  });
});
