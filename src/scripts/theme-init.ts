/**
 * Applies a stored theme choice before first paint, so there is no flash of
 * the wrong theme. It has to run inline and blocking; the integration adds
 * its SHA-256 to the Content-Security-Policy, so it needs no 'unsafe-inline'.
 * The storage key matches THEME_STORAGE_KEY in theme.ts.
 */
export const THEME_INIT_SCRIPT =
  "try{var t=localStorage.getItem('casefolio-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}";
