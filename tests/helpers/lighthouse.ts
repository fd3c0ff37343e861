import { launch, type LaunchedChrome } from 'chrome-launcher';

/**
 * Starts a headless Chromium for Lighthouse to audit through its debugging
 * port. Nothing but the loopback server resolves, so an audit cannot reach
 * the network. `browser` is the Chromium to start: the browser tests pass
 * the one their run found (`chromeLauncherOptions()` in browser.ts), and
 * bench/lighthouse.ts the one it finds itself, as it runs without Vitest.
 */
export function launchChromeForLighthouse(browser: {
  chromePath: string;
  envVars: Record<string, string>;
}): Promise<LaunchedChrome> {
  return launch({
    ...browser,
    logLevel: 'silent',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}
