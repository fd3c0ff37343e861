/**
 * `<facet-filter>`: narrows a list of cards by facets (skills, topics, task,
 * organization, track…) without a reload. The server renders every card
 * and the controls, hidden; this element reveals the controls, so without
 * JavaScript a reader gets the full list and the tag and skill pages.
 *
 * A card (`[data-facet-item]`) shows when it carries every selected value:
 * AND across and within facets, each card listing its values per facet as
 * space-separated slugs in `data-facet-<kind>`. Each option's count says
 * how many cards would show with it added; the selected options are listed
 * again, each removable; a `<select data-filter-sort>` orders the cards by
 * their `data-sort-<key>`. The selection and order are mirrored in the
 * query string (`?skill=python&skill=sql&sort=track`) so a filtered view
 * can be shared, and read back on load.
 */

interface Selected {
  kind: string;
  value: string;
}

/** Whether a card's slugs include every selected value of each kind. */
function cardMatches(card: Pick<Element, 'getAttribute'>, selected: readonly Selected[]): boolean {
  return selected.every(({ kind, value }) =>
    ` ${card.getAttribute(`data-facet-${kind}`) ?? ''} `.includes(` ${value} `),
  );
}

/** The query parameter that holds the order, beside the facets' own. */
const SORT_PARAMETER = 'sort';

class FacetFilter extends HTMLElement {
  /** The cards in the server's order, which ties in any other order keep. */
  private original: HTMLElement[] = [];

  connectedCallback(): void {
    this.original = [...this.querySelectorAll<HTMLElement>('[data-facet-item]')];
    const query = new URLSearchParams(location.search);
    for (const button of this.buttons()) {
      const wanted = query.getAll(button.dataset['filter'] ?? '').includes(button.value);
      button.setAttribute('aria-pressed', String(wanted));
    }
    const sort = this.sortControl();
    const order = query.get(SORT_PARAMETER);
    if (sort && order && [...sort.options].some((option) => option.value === order)) {
      sort.value = order;
    }
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button');
      if (!button) return;
      if (button.hasAttribute('data-filter-clear')) {
        for (const option of this.buttons()) option.setAttribute('aria-pressed', 'false');
      } else if (button.dataset['filter']) {
        const pressed = button.getAttribute('aria-pressed') === 'true';
        button.setAttribute('aria-pressed', String(!pressed));
      } else if (button.dataset['remove'] !== undefined) {
        const option = this.buttons().find(
          (candidate) =>
            candidate.dataset['filter'] === button.dataset['remove'] &&
            candidate.value === button.value,
        );
        option?.setAttribute('aria-pressed', 'false');
      } else {
        return;
      }
      this.apply(true);
    });
    sort?.addEventListener('change', () => this.apply(true));
    this.apply(false);
    for (const hidden of this.querySelectorAll<HTMLElement>('[data-filter-controls]')) {
      hidden.hidden = false;
    }
    // A shared filtered view opens the options, so the reader sees what is selected.
    const panel = this.querySelector('details');
    if (panel && this.selected().length > 0) panel.open = true;
  }

  private buttons(): HTMLButtonElement[] {
    return [...this.querySelectorAll<HTMLButtonElement>('button[data-filter]')];
  }

  private sortControl(): HTMLSelectElement | null {
    return this.querySelector<HTMLSelectElement>('select[data-filter-sort]');
  }

  private selected(): Selected[] {
    return this.buttons()
      .filter((button) => button.getAttribute('aria-pressed') === 'true')
      .map((button) => ({ kind: button.dataset['filter'] ?? '', value: button.value }));
  }

  /** Shows the matching cards in order, counts, lists the selection, and (after a change) updates the URL. */
  private apply(updateUrl: boolean): void {
    const selected = this.selected();
    const cards = [...this.querySelectorAll<HTMLElement>('[data-facet-item]')];
    let shown = 0;
    for (const card of cards) {
      card.hidden = !cardMatches(card, selected);
      if (!card.hidden) shown++;
    }
    for (const button of this.buttons()) {
      const own = { kind: button.dataset['filter'] ?? '', value: button.value };
      const pressed = button.getAttribute('aria-pressed') === 'true';
      const count = pressed
        ? shown
        : cards.filter((card) => cardMatches(card, [...selected, own])).length;
      const counter = button.querySelector('[data-count]');
      if (counter) counter.textContent = String(count);
    }
    this.order(cards);
    this.listSelected();
    const status = this.querySelector('[data-filter-status]');
    const many = this.dataset['many'] ?? 'items';
    if (status) {
      // The sentence is the page's, rendered into data-showing in its language.
      const text = (this.dataset['showing'] ?? 'Showing {shown} of {total} {items}')
        .replace('{shown}', String(shown))
        .replace('{total}', String(cards.length))
        .replace('{items}', many);
      status.textContent = shown === 0 ? `${text}. ${this.dataset['empty'] ?? ''}`.trim() : text;
    }
    if (!updateUrl) return;
    const url = new URL(location.href);
    for (const kind of new Set(this.buttons().map((button) => button.dataset['filter'] ?? ''))) {
      url.searchParams.delete(kind);
    }
    for (const { kind, value } of selected) url.searchParams.append(kind, value);
    const sort = this.sortControl();
    url.searchParams.delete(SORT_PARAMETER);
    if (sort && sort.selectedIndex > 0) url.searchParams.set(SORT_PARAMETER, sort.value);
    history.replaceState(history.state, '', url);
  }

  /** Puts the cards in the chosen order; the server's order is the first option's. */
  private order(cards: HTMLElement[]): void {
    const sort = this.sortControl();
    if (!sort) return;
    const key = `data-sort-${sort.value}`;
    const rank = (card: HTMLElement) => this.original.indexOf(card);
    const sorted = [...cards].sort(
      (a, b) =>
        (a.getAttribute(key) ?? '').localeCompare(b.getAttribute(key) ?? '', undefined, {
          sensitivity: 'base',
        }) || rank(a) - rank(b),
    );
    for (const card of sorted) card.parentElement?.append(card);
  }

  /** The selected options again, each a button that removes it. */
  private listSelected(): void {
    const list = this.querySelector('[data-filter-active]');
    if (!list) return;
    const items = this.buttons()
      .filter((button) => button.getAttribute('aria-pressed') === 'true')
      .map((button) => {
        const item = document.createElement('li');
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'filter__remove';
        remove.dataset['remove'] = button.dataset['filter'] ?? '';
        remove.value = button.value;
        const label = button.dataset['label'] ?? button.value;
        remove.textContent = label;
        const words = this.dataset['removeLabel'] ?? 'Remove {label} ({kind})';
        remove.setAttribute(
          'aria-label',
          words
            .replace('{kind}', button.dataset['kindLabel'] ?? '')
            .replace('{label}', label)
            .replace(/\s+/g, ' ')
            .trim(),
        );
        item.append(remove);
        return item;
      });
    list.replaceChildren(...items);
    (list as HTMLElement).hidden = items.length === 0;
  }
}

if (!customElements.get('facet-filter')) {
  customElements.define('facet-filter', FacetFilter);
}
