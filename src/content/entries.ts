/** `churn-model/index.mdx` -> `churn-model`; `pricing.mdx` -> `pricing`. */
export function slugFromEntry(entry: string): string {
  const parts = entry.split('/');
  const last = parts.at(-1) ?? entry;
  if (parts.length > 1 && last === 'index.mdx') return parts.at(-2) ?? last;
  return last.replace(/\.mdx$/, '');
}
