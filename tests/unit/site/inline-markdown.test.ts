import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown } from '../../../src/site/inline-markdown.ts';

describe('renderInlineMarkdown', () => {
  it('renders emphasis, code and strikethrough', () => {
    expect(renderInlineMarkdown('I build **models** that *people* use')).toBe(
      'I build <strong>models</strong> that <em>people</em> use',
    );
    expect(renderInlineMarkdown('`pandas` and ~~Excel~~')).toBe(
      '<code>pandas</code> and <s>Excel</s>',
    );
  });

  it('renders https and mailto links', () => {
    expect(renderInlineMarkdown('the [Stats Club](https://stats-club.example.org)')).toBe(
      'the <a href="https://stats-club.example.org">Stats Club</a>',
    );
    expect(renderInlineMarkdown('[mail me](mailto:ada@example.com)')).toBe(
      '<a href="mailto:ada@example.com">mail me</a>',
    );
  });

  it('escapes raw HTML', () => {
    const html = renderInlineMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<');
  });

  it.each([
    '[click](javascript:alert(1))',
    '[click](JAVASCRIPT:alert(1))',
    '[click](&#106;avascript:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD4=)',
    '[click](vbscript:msgbox(1))',
    '<javascript:alert(1)>',
  ])('does not render %j as a link', (text) => {
    const html = renderInlineMarkdown(text);
    expect(html).not.toContain('<a');
    expect(html).not.toContain('href');
  });

  it('escapes quotes in link targets and ampersands in text', () => {
    expect(renderInlineMarkdown('[x](https://a.example/?q="><b>)')).not.toContain('"><b>');
    expect(renderInlineMarkdown('R&D < 5')).toBe('R&amp;D &lt; 5');
  });

  it('does not render block Markdown', () => {
    expect(renderInlineMarkdown('# Heading')).toBe('# Heading');
    expect(renderInlineMarkdown('- item')).toBe('- item');
  });
});
