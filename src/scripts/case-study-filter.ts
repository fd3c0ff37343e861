/**
 * `<case-study-filter>`: narrows the home page's case-study list by skill and
 * topic without a reload. The server renders every card and the controls,
 * hidden; this element reveals the controls, so without JavaScript a reader
 * gets the full list and the tag and skill pages.
 *
 * A card shows when it carries every selected skill and every selected topic.
 * The selection is mirrored in the query string (`?skill=python&tag=churn`)
 * so a filtered view can be shared, and read back on load.
 */

/** Query parameter (the button's `data-filter`) -> the card attribute holding its slugs. */
const CARD_ATTRIBUTE = { skill: 'data-skills', tag: 'data-tags' } as const;
type Kind = keyof typeof CARD_ATTRIBUTE;

/** Whether a card's space-separated slugs include every selected value of each kind. */
function cardMatches(
  card: Pick<Element, 'getAttribute'>,
  selected: readonly { kind: Kind; value: string }[],
): boolean {
  return selected.every(({ kind, value }) =>
    ` ${card.getAttribute(CARD_ATTRIBUTE[kind]) ?? ''} `.includes(` ${value} `),
  );
}

function statusText(shown: number, total: number): string {
  const text = `Showing ${shown} of ${total} case studies`;
  return shown === 0 ? `${text}. None has every selected skill and topic.` : text;
}

class CaseStudyFilter extends HTMLElement {
  connectedCallback(): void {
    const query = new URLSearchParams(location.search);
    for (const button of this.buttons()) {
      const wanted = query.getAll(button.dataset['filter'] ?? '').includes(button.value);
      button.setAttribute('aria-pressed', String(wanted));
    }
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (!button) return;
      if (button.hasAttribute('data-filter-clear')) {
        for (const option of this.buttons()) option.setAttribute('aria-pressed', 'false');
      } else if (button.dataset['filter']) {
        const pressed = button.getAttribute('aria-pressed') === 'true';
        button.setAttribute('aria-pressed', String(!pressed));
      } else {
        return;
      }
      this.apply(true);
    });
    this.apply(false);
    for (const hidden of this.querySelectorAll<HTMLElement>('[data-filter-controls]')) {
      hidden.hidden = false;
    }
    // A shared filtered view opens the options, so the reader sees what is selected.
    const panel = this.querySelector('details');
    if (panel && this.buttons().some((button) => button.getAttribute('aria-pressed') === 'true')) {
      panel.open = true;
    }
  }

  private buttons(): HTMLButtonElement[] {
    return [...this.querySelectorAll<HTMLButtonElement>('button[data-filter]')];
  }

  /** Shows the matching cards, says how many, and (after a click) updates the URL. */
  private apply(updateUrl: boolean): void {
    const selected = this.buttons()
      .filter((button) => button.getAttribute('aria-pressed') === 'true')
      .map((button) => ({ kind: button.dataset['filter'] as Kind, value: button.value }));
    const cards = [...this.querySelectorAll<HTMLElement>('[data-skills]')];
    let shown = 0;
    for (const card of cards) {
      card.hidden = !cardMatches(card, selected);
      if (!card.hidden) shown++;
    }
    const status = this.querySelector('[data-filter-status]');
    if (status) status.textContent = statusText(shown, cards.length);
    if (!updateUrl) return;
    const url = new URL(location.href);
    for (const kind of Object.keys(CARD_ATTRIBUTE)) url.searchParams.delete(kind);
    for (const { kind, value } of selected) url.searchParams.append(kind, value);
    history.replaceState(history.state, '', url);
  }
}

if (!customElements.get('case-study-filter')) {
  customElements.define('case-study-filter', CaseStudyFilter);
}
