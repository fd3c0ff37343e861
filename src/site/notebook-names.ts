import { createHash } from 'node:crypto';
import path from 'node:path';
import type { NotebookProps } from '../schemas/components.ts';
import { dictionary } from '../i18n/dictionaries.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';

/** How the page names a notebook: unique among the page's notebooks. */
export interface NotebookName {
  /** The id of the element that names it. */
  id: string;
  /** Its file's name: `analysis.ipynb`. */
  file: string;
  /** What tells it from the page's other notebooks: `cells "fit", 12`, `cell "roc"`, `(2)`. */
  detail?: string;
  /** The whole name, for the regions inside it: `analysis.ipynb, cells "fit", 12`. */
  label: string;
}

/**
 * The name of a `<Notebook>` on a page: its file, the cells it shows, and
 * a count when the same notebook is shown twice, so every notebook (a
 * landmark) and every output region in it has a name of its own. `taken`
 * holds the page's names so far, and gets this one. The same in every build.
 */
export function nameNotebook(
  props: NotebookProps,
  taken: Set<string>,
  locale: Locale = DEFAULT_LOCALE,
): NotebookName {
  const file = path.basename(props.src);
  const words = dictionary(locale).notebook;
  const cells = props.cells
    ? `${props.cells.length === 1 ? words.cell : words.cells} ${props.cells.map((cell) => (typeof cell === 'string' ? JSON.stringify(cell) : String(cell))).join(', ')}`
    : undefined;
  const base = cells ? `${file}, ${cells}` : file;
  let label = base;
  for (let count = 2; taken.has(label); count++) label = `${base} (${count})`;
  taken.add(label);
  const detail = [cells, label.slice(base.length).trim()].filter(Boolean).join(' ');
  const id = `notebook-${createHash('sha256').update(label).digest('hex').slice(0, 8)}`;
  return { id, file, label, ...(detail ? { detail } : {}) };
}
