import { describe, expect, it } from 'vitest';
import { attributesFor, commentsEmbed } from '../../../src/comments/giscus.ts';
import { commentsSchema } from '../../../src/schemas/comments.ts';

const giscus = {
  repo: 'ada/portfolio',
  repoId: 'R_kgDOLx4sbw',
  category: 'Comments',
  categoryId: 'DIC_kwDOLx4sb84CeZ3x',
};

const embed = (options: object) => commentsEmbed(commentsSchema.parse({ giscus: options }));

/** The schema's issues for options it refuses, as JSON to search. */
function refusal(options: object): string {
  const result = commentsSchema.safeParse({ giscus: options });
  if (result.success) throw new Error('accepted');
  return JSON.stringify(result.error.issues);
}

describe('commentsEmbed', () => {
  it('gives giscus’s client its data attributes, with giscus’s defaults and no metadata messages', () => {
    expect(embed(giscus)).toEqual({
      src: 'https://giscus.app/client.js',
      attributes: {
        repo: 'ada/portfolio',
        'repo-id': 'R_kgDOLx4sbw',
        category: 'Comments',
        'category-id': 'DIC_kwDOLx4sb84CeZ3x',
        mapping: 'pathname',
        strict: '0',
        'reactions-enabled': '1',
        'emit-metadata': '0',
        'input-position': 'bottom',
      },
      discussions: 'https://github.com/ada/portfolio/discussions',
      scriptOrigins: ['https://giscus.app'],
      styleOrigins: ['https://giscus.app'],
      frameOrigins: ['https://giscus.app'],
    });
  });

  it('passes every option on, and a theme only when one is fixed', () => {
    expect(
      embed({
        ...giscus,
        mapping: 'specific',
        term: 'portfolio comments',
        strict: true,
        reactionsEnabled: false,
        inputPosition: 'top',
        lang: 'zh-CN',
        theme: 'dark_dimmed',
      }).attributes,
    ).toMatchObject({
      mapping: 'specific',
      term: 'portfolio comments',
      strict: '1',
      'reactions-enabled': '0',
      'input-position': 'top',
      lang: 'zh-CN',
      theme: 'dark_dimmed',
    });
    expect(embed(giscus).attributes).not.toHaveProperty('theme');
  });
});

describe('attributesFor', () => {
  it('speaks the page’s language unless the options name one', () => {
    expect(attributesFor(embed(giscus), 'de').lang).toBe('de');
    // giscus names Simplified Chinese zh-CN.
    expect(attributesFor(embed(giscus), 'zh-Hans').lang).toBe('zh-CN');
    expect(attributesFor(embed({ ...giscus, lang: 'fr' }), 'de').lang).toBe('fr');
  });
});

describe('commentsSchema', () => {
  it('refuses IDs and a repository in the wrong form, naming what giscus.app shows', () => {
    expect(refusal({ ...giscus, repo: 'https://github.com/ada/portfolio' })).toContain(
      'must be a GitHub repository as owner/name, such as ada/portfolio',
    );
    expect(refusal({ ...giscus, repoId: '123456' })).toContain(
      'must be the repository ID giscus.app shows, starting R_',
    );
    expect(refusal({ ...giscus, categoryId: 'R_kgDOLx4sbw' })).toContain(
      'must be the category ID giscus.app shows, starting DIC_',
    );
    expect(refusal({ ...giscus, category: ' ' })).toContain('must name a Discussions category');
    expect(refusal({ ...giscus, lang: 'French' })).toContain('such as en, fr or zh-CN');
    expect(refusal({ ...giscus, theme: 'solarized' })).toContain('must be one of giscus’s themes');
  });

  it('names the term’s problem in the same run as another option’s', () => {
    const parsed = commentsSchema.safeParse({
      giscus: { ...giscus, mapping: 'number', term: '012', theme: 'solarized' },
    });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'giscus.theme',
      'giscus.term',
    ]);
  });

  it('asks for a term with the mappings that read one', () => {
    expect(refusal({ ...giscus, mapping: 'specific' })).toContain(
      "must be given with mapping: 'specific'",
    );
    expect(refusal({ ...giscus, mapping: 'number', term: 'first' })).toContain(
      "must be a discussion's number",
    );
    expect(embed({ ...giscus, mapping: 'number', term: '12' }).attributes['term']).toBe('12');
  });

  it('refuses a provider it does not know, keys giscus does not take, and missing IDs', () => {
    expect(commentsSchema.safeParse({ disqus: { shortname: 'ada' } }).success).toBe(false);
    expect(commentsSchema.safeParse({ giscus: { ...giscus, loading: 'lazy' } }).success).toBe(
      false,
    );
    expect(refusal({ repo: 'ada/portfolio' })).toContain('repoId');
  });
});
