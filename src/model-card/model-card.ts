import jsYaml from 'js-yaml';
import { writeMarkdown } from './markdown.ts';
import { modelCardMetadata } from './metadata.ts';
import { modelCardSections, type ModelCardStudy } from './sections.ts';

/**
 * A case study's model card in Hugging Face's layout: YAML front matter
 * (tags, metrics and the `model-index`) between `---` lines, then the
 * Markdown sections. Pure: the route `/case-studies/<slug>/model-card.md`
 * hands in the case study as the page shows it, the profile's name and the
 * page's URL (absolute when the site's address is configured).
 */
export function modelCardMarkdown(study: ModelCardStudy, author: string, pageUrl: string): string {
  const metadata = jsYaml.dump(modelCardMetadata(study, pageUrl), {
    // Each value written out where it is: no `&anchor`/`*alias` for the task
    // and dataset every result shares, which some front matter readers refuse.
    noRefs: true,
    // No folding: a long name stays on one line.
    lineWidth: -1,
  });
  return `---\n${metadata}---\n\n${writeMarkdown(modelCardSections(study, author, pageUrl))}`;
}
