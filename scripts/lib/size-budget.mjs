// What a reader downloads, gzipped: the budgets, and how they are measured.
// Shared by `npm run bench` (which reports it) and the tests (which enforce it).
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {gzipSync} from 'node:zlib';

/**
 * From package.json's `sizeBudget`, where size budgets usually live. Three figures, each with
 * the target issue 13 set and the limit the tests enforce: a ratchet just above today's build,
 * so that nothing grows unnoticed. Lower a limit with every saving; raising one needs a reason
 * in the commit.
 * - `firstScript`: dist/civic-action.js alone, what a reader loads before the first pick, but for
 *   the texts of the built-in campaign in the reader's language (a chunk, fetched beside it where
 *   the snippet preloads it);
 * - `spanishSend`: everything a Spanish reader downloads up to a send (the first script, the
 *   checks and sending chunk, the Spanish strings and the built-in campaign's Spanish texts);
 * - `classicScript`: dist/civic-action.iife.js, which is one file, loaded instead of all of them.
 */
export const sizeBudget = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).sizeBudget;

export const gzippedSize = (file) => gzipSync(readFileSync(file), {level: 9}).length;

/** The interface languages other than English, whose strings are chunks named after them. */
const targetLocales = JSON.parse(readFileSync(new URL('../../lit-localize.json', import.meta.url), 'utf8')).targetLocales;

/**
 * The built scripts, gzipped: the module build (dist/civic-action.js and the chunks it loads
 * later, in dist/chunks/), and the classic-script build.
 */
export function builtSizes(dir = 'dist') {
  const chunks = existsSync(`${dir}/chunks`) ? readdirSync(`${dir}/chunks`).filter((name) => name.endsWith('.js')) : [];
  const module = {
    'civic-action.js': gzippedSize(`${dir}/civic-action.js`),
    ...Object.fromEntries(chunks.map((name) => [`chunks/${name}`, gzippedSize(`${dir}/chunks/${name}`)])),
  };
  // Interface strings are chunks named after their language; the built-in campaign's texts, after it with `default-campaign-`.
  const campaignText = (name, locale) => name.startsWith(`chunks/default-campaign-${locale}-`);
  const otherLanguage = (name) =>
    targetLocales.some((locale) => locale !== 'es' && name.startsWith(`chunks/${locale}-`)) || (name.startsWith('chunks/default-campaign-') && !campaignText(name, 'es'));
  const sum = (names) => names.reduce((total, name) => total + module[name], 0);
  return {
    module,
    moduleTotal: sum(Object.keys(module)),
    firstScript: module['civic-action.js'],
    // The built-in campaign's English texts are a chunk too: what an English reader of it loads before the first view.
    englishFirstView: sum(Object.keys(module).filter((name) => name === 'civic-action.js' || campaignText(name, 'en'))),
    spanishSend: sum(Object.keys(module).filter((name) => !otherLanguage(name))),
    classicScript: gzippedSize(`${dir}/civic-action.iife.js`),
  };
}
