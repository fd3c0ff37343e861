/**
 * The theme toggle. The stored choice is applied before first paint by the
 * inline script in BaseLayout; this module only wires the button, so pages
 * without it still follow the system preference.
 */

const THEME_STORAGE_KEY = 'casefolio-theme';
const THEME_CHANGE_EVENT = 'casefolio:themechange';

type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function label(button: HTMLButtonElement): void {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  // The words are the page's, rendered into data-label-light and data-label-dark.
  button.setAttribute(
    'aria-label',
    button.dataset[next === 'light' ? 'labelLight' : 'labelDark'] ?? `Switch to ${next} theme`,
  );
  button.dataset['current'] = currentTheme();
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  label(button);
  button.addEventListener('click', () => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset['theme'] = next;
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Private modes may refuse storage; the choice still applies to this page.
    }
    label(button);
    document.dispatchEvent(new CustomEvent(THEME_CHANGE_EVENT, { detail: { theme: next } }));
  });
}
