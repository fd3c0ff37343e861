import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import type { ContentLocation, ContentReport } from './check.ts';
import { markdownImageFile } from './mdx/local-files.ts';
import { isImagePath } from '../files/image-types.ts';
import { walkFiles } from '../files/walk.ts';
import type { ContentProblem } from '../problems/problem.ts';

/**
 * Images the build would stop on: every image it bundles (each one under
 * content/ that `virtual:casefolio/images` lists for `<Figure>`, and each
 * cover, avatar and Markdown image, wherever it is) is measured by Astro
 * before it is optimised, and one it cannot measure (a corrupt file, a text
 * file named `.png`, an SVG without a size) ends the build with Astro's
 * `NoImageMetadata`. The check measures them with the same function first.
 */
export async function findUnreadableImages(
  report: ContentReport,
  location: ContentLocation,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  for (const file of bundledImages(report, location)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // missing or not a file: the path's own check says so
    }
    try {
      await imageMetadata(bytes, file);
    } catch {
      problems.push({
        file: path.relative(location.root, file).split(path.sep).join('/'),
        message: `the image cannot be read (${WHY}); open it in an image editor and export it again`,
      });
    }
  }
  return problems;
}

const WHY =
  'it is damaged, is not the kind of image its name says, or is an SVG without a width, height or viewBox';

/** Every image file the build reads, absolute and existing, in a stable order. */
function bundledImages(report: ContentReport, location: ContentLocation): string[] {
  const found = new Set(
    walkFiles(location.contentDir)
      .filter((file) => file.regular && isImagePath(file.path))
      .map((file) => file.path),
  );
  const add = (file: string | undefined) => {
    if (file !== undefined && isImagePath(file) && isInsideContent(file, location.contentDir)) {
      found.add(file);
    }
  };
  // The avatar is relative to profile.yaml, which sits in content/.
  const avatar = report.profile?.avatar;
  if (typeof avatar === 'string') add(path.resolve(location.contentDir, avatar));
  for (const study of report.caseStudies) {
    const parsed = study.parsed;
    if (!parsed) continue;
    const folder = path.dirname(study.absolutePath);
    const cover = (parsed.data['cover'] as { src?: unknown } | undefined)?.src;
    if (typeof cover === 'string') add(path.resolve(folder, cover));
    for (const image of parsed.body?.images ?? []) {
      add(markdownImageFile(image.url, study.absolutePath));
    }
  }
  return [...found].sort();
}

/** Whether a file exists inside content/, after following links (the path checks refuse the rest). */
function isInsideContent(file: string, contentDir: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    const relative = path.relative(realpathSync.native(contentDir), realpathSync.native(file));
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  } catch {
    return false;
  }
}
