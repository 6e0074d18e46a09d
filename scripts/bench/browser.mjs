// Headless Chromium for the bench, with the tests' flags: each page in a fresh browser context
// with the cache off, on a phone-sized viewport.
import puppeteer from 'puppeteer-core';
import {chromeArgs, findChrome} from '../lib/find-chrome.mjs';

export async function startBrowser(origin) {
  const browser = await puppeteer.launch({executablePath: findChrome(), headless: true, args: chromeArgs});

  /** Opens `path` in a fresh context with the cache off (after `prepare`, if any); gives the page to `measure`. */
  async function inFreshPage(path, measure, prepare) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({width: 390, height: 844});
    await page.setCacheEnabled(false);
    await prepare?.(page);
    try {
      await page.goto(`${origin}${path}`, {waitUntil: 'load'});
      await page.waitForFunction(() => window.__usable !== undefined || location.pathname === '/growth.html', {timeout: 30_000});
      return await measure(page);
    } finally {
      await context.close();
    }
  }

  return {
    inFreshPage,
    version: () => browser.version(),
    executable: () => browser.process()?.spawnargs?.[0] ?? 'Chromium',
    close: () => browser.close(),
  };
}

/**
 * A cheap phone on a slow mobile network, as Lighthouse's mobile run emulates one: the CPU
 * four times slower than this machine's, 1.6 Mbit/s down, 150 ms round trips.
 */
export async function asSlowPhone(page) {
  await page.emulateCPUThrottling(4);
  await page.emulateNetworkConditions({download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8, latency: 150});
}

/** Waits for a frame and then for the page to be idle: a reader reads before they pick. */
export async function afterIdle(page) {
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => r()));
    await new Promise((r) => requestIdleCallback(() => r(), {timeout: 2000}));
  });
}
