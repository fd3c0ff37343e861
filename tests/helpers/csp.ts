import { loadPage } from './build.ts';

/** The Content-Security-Policy a built page carries, directive by directive. */
export function policyOf(outDir: string, page: string): Map<string, string> {
  const content =
    loadPage(outDir, page)('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
  return new Map(
    content
      .split(';')
      .map((directive) => directive.trim())
      .filter(Boolean)
      .map((directive) => {
        const [name = '', ...sources] = directive.split(/\s+/);
        return [name, sources.join(' ')];
      }),
  );
}
