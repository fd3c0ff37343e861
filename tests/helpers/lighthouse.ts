import { launch, type LaunchedChrome } from 'chrome-launcher';
import { chromeLauncherOptions } from './browser.ts';

/**
 * Starts a headless Chromium for Lighthouse to audit through its debugging
 * port. Nothing but the loopback server resolves, so an audit cannot reach
 * the network.
 */
export function launchChromeForLighthouse(): Promise<LaunchedChrome> {
  // The Chromium the browser tests found (tests/helpers/browser.ts), and the environment it needs.
  return launch({
    ...chromeLauncherOptions(),
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
