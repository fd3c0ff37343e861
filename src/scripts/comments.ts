/**
 * The comments of a case-study page (components/case-study/Comments.astro):
 * nothing from giscus.app is requested until the reader presses "Show
 * comments". Then giscus's client script is added to the section with the
 * attributes the build wrote on it (`data-giscus-repo` becomes the script's
 * `data-repo`), and giscus puts its frame in the section's `.giscus` box.
 *
 * Unless the options fix giscus's theme, it takes the site's: the reader's
 * choice of the toggle, or the system's (giscus's `preferred_color_scheme`),
 * and follows the toggle afterwards.
 */

const SECTION = '[data-comments]';
const PREFIX = 'data-giscus-';

/**
 * Dispatched on document by the theme toggle (src/scripts/theme.ts). Not
 * imported from there: importing would run the toggle's wiring a second time.
 */
const THEME_CHANGE_EVENT = 'casefolio:themechange';

/** The site's theme as giscus names it: the toggle's choice, else the system's. */
function siteTheme(): string {
  const chosen = document.documentElement.dataset['theme'];
  return chosen === 'light' || chosen === 'dark' ? chosen : 'preferred_color_scheme';
}

/** Tells giscus's frame the site's theme; a frame still loading reads it from its own URL. */
function followTheme(thread: HTMLElement, origin: string): void {
  const send = () =>
    thread
      .querySelector<HTMLIFrameElement>('iframe.giscus-frame')
      ?.contentWindow?.postMessage({ giscus: { setConfig: { theme: siteTheme() } } }, origin);
  document.addEventListener(THEME_CHANGE_EVENT, send);
  // A toggle pressed while the frame loaded: the frame's first load reads the theme of then.
  thread.addEventListener('load', send, { capture: true, once: true });
}

function open(
  section: HTMLElement,
  src: string,
  button: HTMLButtonElement,
  thread: HTMLElement,
): void {
  const script = document.createElement('script');
  script.src = src;
  for (const { name, value } of section.attributes) {
    if (name.startsWith(PREFIX)) script.setAttribute(`data-${name.slice(PREFIX.length)}`, value);
  }
  const follows = !script.hasAttribute('data-theme');
  if (follows) script.dataset['theme'] = siteTheme();
  script.crossOrigin = 'anonymous';
  script.async = true;

  const failed = section.querySelector<HTMLElement>('[data-comments-failed]');
  button.disabled = true;
  button.setAttribute('aria-expanded', 'true');
  thread.setAttribute('aria-busy', 'true');
  if (failed) failed.hidden = true;
  script.addEventListener('load', () => {
    thread.removeAttribute('aria-busy');
    if (follows) followTheme(thread, new URL(src).origin);
  });
  script.addEventListener('error', () => {
    // Offline, or a blocker refused giscus.app: say so, link the discussions, and let the reader try again.
    script.remove();
    thread.removeAttribute('aria-busy');
    button.disabled = false;
    button.setAttribute('aria-expanded', 'false');
    if (failed) failed.hidden = false;
    button.focus();
  });
  // The disabled button loses focus: the reader goes on from the comments instead of the page's top.
  thread.focus();
  section.append(script);
}

for (const section of document.querySelectorAll<HTMLElement>(SECTION)) {
  const button = section.querySelector<HTMLButtonElement>('[data-comments-open]');
  const thread = section.querySelector<HTMLElement>('.giscus');
  const src = section.dataset['commentsScript'];
  if (!button || !thread || !src) continue;
  button.addEventListener('click', () => open(section, src, button, thread));
}

// A module, so its names stay its own: theme.ts, a script, declares THEME_CHANGE_EVENT too.
export {};
