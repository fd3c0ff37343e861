import { launch, type LaunchedChrome } from 'chrome-launcher';

/** The Chromium Lighthouse drives: the one the browser tests use (tests/helpers/browser.ts). */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Starts a headless Chromium for Lighthouse to audit through its debugging
 * port. Nothing but the loopback server resolves, so an audit cannot reach
 * the network.
 */
export function launchChromeForLighthouse(): Promise<LaunchedChrome> {
  return launch({
    chromePath: CHROMIUM,
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
