import { describe, expect, it } from 'vitest';
import {
  codeTokenClasses,
  styleToClasses,
} from '../../../../src/content/mdx/code-token-classes.ts';

type Span = Parameters<NonNullable<(typeof codeTokenClasses)['span']>>[0];

function element(properties: Span['properties']): Span {
  return { type: 'element', tagName: 'span', properties, children: [] };
}

describe('styleToClasses', () => {
  it('turns css-variables colours and font styles into classes', () => {
    expect(styleToClasses('color:var(--astro-code-token-keyword)')).toEqual({
      classes: ['code-token-keyword'],
      style: '',
    });
    expect(styleToClasses('color: var(--astro-code-token-comment); font-style: italic')).toEqual({
      classes: ['code-token-comment', 'code-italic'],
      style: '',
    });
  });

  it('keeps what code.css does not cover inline, and drops the properties asked for', () => {
    expect(
      styleToClasses(
        'background-color:var(--astro-code-background);color:var(--astro-code-foreground); overflow-x: auto;',
        ['background-color', 'color'],
      ),
    ).toEqual({ classes: [], style: 'overflow-x:auto' });
    expect(styleToClasses('color:#ff0000')).toEqual({ classes: [], style: 'color:#ff0000' });
  });
});

describe('the transformer', () => {
  it('moves a token span’s style into its class list', () => {
    const span = element({ style: 'color:var(--astro-code-token-string)' });
    codeTokenClasses.span?.call({} as never, span, 1, 0, span, {} as never);
    expect(span.properties).toEqual({ class: ['code-token-string'] });
  });

  it('leaves the block’s scrolling inline and adds to its existing classes', () => {
    const pre = element({
      class: 'astro-code css-variables',
      style:
        'background-color:var(--astro-code-background);color:var(--astro-code-foreground); overflow-x: auto;',
    });
    codeTokenClasses.pre?.call({} as never, pre);
    expect(pre.properties).toEqual({ class: 'astro-code css-variables', style: 'overflow-x:auto' });
  });
});
