import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';

/**
 * The browser the tests run in: CHROME_PATH, then Debian's Chromium, then any Chrome or
 * Chromium that chrome-launcher finds on this machine. Nothing is downloaded.
 */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(path)) return path;
  try {
    const require = createRequire(import.meta.url);
    const {Launcher} = require('chrome-launcher');
    const [found] = Launcher.getInstallations();
    if (found) return found;
  } catch {
    // chrome-launcher throws on platforms it does not know; fall through to the advice.
  }
  throw new Error(
    [
      'No Chrome or Chromium found for the tests.',
      '  Debian/Ubuntu: sudo apt-get install chromium',
      '  macOS: install Google Chrome, or set CHROME_PATH',
      '  Anywhere: CHROME_PATH=/path/to/chrome npm test',
    ].join('\n'),
  );
}

/** Flags for a headless Chromium on a closed network, possibly as root. */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // Test files run side by side in tabs of one browser: a background tab must not be throttled.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  // Chromium 156 builds its omnibox pop-up (a WebUI page and scores of scripts) at start and
  // with every new context, even headless: on two cores it competes with the page measured.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
