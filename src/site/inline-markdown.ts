import MarkdownIt, { type Token } from 'markdown-it';

/**
 * Inline Markdown for the profile bio: emphasis, code and links, nothing
 * else. Raw HTML in the text is escaped (`html: false`), and links are
 * limited to the schemes the schema allows, so the output is safe to insert.
 */
const markdown = new MarkdownIt('zero', { html: false, linkify: false, typographer: false })
  .enable(['emphasis', 'backticks', 'link', 'escape', 'entity', 'newline', 'strikethrough'])
  .set({ breaks: false });

markdown.validateLink = (url: string) => /^(https?:|mailto:)/i.test(url.trim());

/** The bio as HTML; every character of the source is escaped except Markdown syntax. */
export function renderInlineMarkdown(text: string): string {
  return markdown.renderInline(text);
}

/** Inline Markdown as plain text: `I build **careful** [models](https://…)` -> `I build careful models`. */
export function markdownToText(text: string): string {
  const parts: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'text' || token.type === 'code_inline') parts.push(token.content);
      else if (token.type === 'softbreak' || token.type === 'hardbreak') parts.push(' ');
      if (token.children) walk(token.children);
    }
  };
  walk(markdown.parseInline(text, {}));
  return parts.join('').replace(/\s+/g, ' ').trim();
}
