// Bytes: every script the page fetched while a reader loaded the default widget, switched to
// Spanish and back, and picked, as the server sent them (a build split into chunks would be
// counted chunk by chunk). The classic-script build is the alternative to all of them.
import {builtSizes, gzippedSize} from '../../lib/size-budget.mjs';

export async function measureBytes({inFreshPage, served}) {
  served.clear();
  await inFreshPage('/widget.html', (page) =>
    page.evaluate(async () => {
      const root = document.querySelector('civic-action').shadowRoot;
      for (const selector of ['.switcher button[lang=es]', '.switcher button[lang=en]', '#recommendation-tps']) {
        root.querySelector(selector).click();
        await new Promise((r) => requestIdleCallback(() => r(), {timeout: 2000}));
      }
    }),
  );
  const downloaded = Object.fromEntries([...served].sort().map((file) => [file, gzippedSize(file)]));
  return {
    downloaded,
    total: Object.values(downloaded).reduce((a, b) => a + b, 0),
    classicScript: gzippedSize('dist/civic-action.iife.js'),
    // The two figures the size test keeps: before the first pick, and all a Spanish reader needs to send.
    firstScript: builtSizes().firstScript,
    englishFirstView: builtSizes().englishFirstView,
    spanishSend: builtSizes().spanishSend,
  };
}
