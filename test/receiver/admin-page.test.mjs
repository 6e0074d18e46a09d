// The organizer's page (/admin/) in a real browser against a real receiver:
//   npx vite build --mode receiver --logLevel warn && node --test test/receiver/admin-page.test.mjs
// The tests share one receiver and run in order: accepting and erasing change what later ones see.
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {chromeArgs, findChrome} from '../server/find-chrome.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'organizer-secret-for-tests';
const CAMPAIGN = 'root-causes-2021';
const HOSTILE_NAME = 'Mallory <img src=x onerror=alert(1)>';

let chromePath;
let noChrome = '';
try {
  chromePath = findChrome();
} catch (error) {
  noChrome = `no Chrome or Chromium to run the organizer page in (${error.message.split('\n')[0]} Set CHROME_PATH to run it.)`;
}

const dir = mkdtempSync(join(tmpdir(), 'civic-admin-page-'));
let receiver;
let browser;
let base;

function submission({locale = 'en', name, email, subject, body, recommendations, ref, signals}) {
  return {
    version: 1,
    id: randomUUID(),
    campaign: CAMPAIGN,
    locale,
    recommendations,
    message: {to: [locale === 'es' ? 'vicepresidenta Kamala Harris' : 'Vice President Kamala Harris'], subject, body, locale},
    supporter: {name, email, postalCode: '20001'},
    consent: locale === 'es',
    source: {url: 'https://partner.example/action', ...(ref ? {ref} : {})},
    submittedAt: new Date().toISOString(),
    ...(signals ? {signals} : {}),
  };
}

const SENT = [
  submission({name: 'Ana Pérez', email: 'ana@example.org', locale: 'es', subject: 'Trabajar con la sociedad civil', body: 'Estimada vicepresidenta Harris:\n\nLe pido que proteja el TPS.\n\nAtentamente,\nAna Pérez', recommendations: ['tps', 'end-title-42'], ref: 'casa-md'}),
  submission({name: HOSTILE_NAME, email: 'mallory@example.org', subject: 'Protect asylum seekers', body: 'Dear Vice President Harris,\n\nPlease end Title 42.\n\nSincerely,\nMallory', recommendations: ['end-title-42']}),
  submission({name: 'Quick Bot', email: 'bot@example.org', subject: 'Fast one', body: 'Sent too fast.', recommendations: ['tps'], signals: {fillMs: 500, honeypot: false, restored: false}}),
];

before(async () => {
  if (!chromePath) return;
  const built = join(root, 'dist/receiver/index.js');
  assert.ok(existsSync(built), 'Build the receiver first: npx vite build --mode receiver --logLevel warn');
  const {parseConfig, startReceiver} = await import(pathToFileURL(built).href);
  const config = parseConfig(
    {
      database: `sqlite:${join(dir, 'admin.sqlite')}`,
      campaigns: [{id: CAMPAIGN, origins: ['https://partner.example'], recipients: [{name: {en: 'Vice President Kamala Harris', es: 'vicepresidenta Kamala Harris'}, email: 'vp@officials.example'}]}],
    },
    {baseDir: dir, env: {}},
  );
  receiver = await startReceiver({config, adminToken: TOKEN, port: 0, log: () => {}});
  base = `http://127.0.0.1:${receiver.port}`;
  for (const body of SENT) {
    const response = await fetch(`${base}/submit`, {method: 'POST', headers: {'Content-Type': 'application/json', 'Idempotency-Key': body.id}, body: JSON.stringify(body)});
    assert.ok(response.ok, `submission refused: ${response.status} ${await response.text()}`);
  }
  const {default: puppeteer} = await import('puppeteer-core');
  browser = await puppeteer.launch({executablePath: chromePath, headless: true, args: chromeArgs});
});

after(async () => {
  await browser?.close();
  await receiver?.stop();
  rmSync(dir, {recursive: true, force: true});
});

const adminApi = (path, init = {}) => fetch(`${base}/admin/${path}`, {...init, headers: {Authorization: `Bearer ${TOKEN}`}}).then((r) => r.json());

async function openPage() {
  const page = await browser.newPage();
  await page.setViewport({width: 390, height: 900});
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => /Content Security Policy/i.test(message.text()) && problems.push(message.text()));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    return dialog.dismiss();
  });
  const response = await page.goto(`${base}/admin/`, {waitUntil: 'load'});
  assert.equal(response.status(), 200, 'the page is served at /admin/ (its ./page.js and ./page.css are relative to it)');
  return {page, problems};
}

async function signIn(page, token) {
  await page.type('#token', token);
  await page.keyboard.press('Enter');
}

const text = (page, selector) => page.$eval(selector, (node) => node.textContent.trim());

test('the organizer page, signed in, shows tallies and submissions as text', async (t) => {
  if (!chromePath) return t.skip(noChrome);
  const {page, problems} = await openPage();
  await signIn(page, TOKEN);
  await page.waitForSelector('.submission');

  const stats = await adminApi(`campaigns/${CAMPAIGN}/stats`);
  assert.equal(stats.total, 2);
  assert.equal(stats.held, 1);
  assert.equal(await text(page, '#total'), String(stats.total));
  assert.equal(await text(page, '#held'), String(stats.held));
  const shown = await page.$$eval('#tally-per-recommendation + table tbody tr', (rows) => Object.fromEntries(rows.map((row) => [row.cells[0].textContent, Number(row.cells[1].textContent)])));
  assert.deepEqual(shown, stats.recommendations);
  assert.deepEqual(shown, {'end-title-42': 2, tps: 1});

  const articles = await page.$$eval('.submission', (items) => items.map((item) => ({subject: item.querySelector('h3').textContent, body: item.querySelector('.body').textContent, text: item.textContent})));
  for (const sent of SENT) {
    const found = articles.find((a) => a.subject === sent.message.subject);
    assert.ok(found, `subject "${sent.message.subject}" shown`);
    assert.equal(found.body, sent.message.body, 'body shown as text, line breaks kept');
  }
  const spanish = articles.find((a) => a.subject === SENT[0].message.subject);
  assert.match(spanish.text, /Spanish \(es\)/);
  assert.match(spanish.text, /casa-md/);

  // The hostile name is text on the page, never an element.
  assert.equal(await page.$('img'), null);
  assert.ok(articles.some((a) => a.text.includes(HOSTILE_NAME)));

  const held = await page.$$eval('.submission.is-held', (items) => items.map((item) => item.textContent));
  assert.equal(held.length, 1);
  assert.match(held[0], /Held for review: sent 500 ms after the widget appeared/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Download CSV fetches with the bearer token and hands over a file', async (t) => {
  if (!chromePath) return t.skip(noChrome);
  const {page, problems} = await openPage();
  const downloads = join(dir, 'downloads');
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', {behavior: 'allow', downloadPath: downloads});
  await signIn(page, TOKEN);
  await page.waitForSelector('.submission');

  const csvRequest = page.waitForRequest((request) => request.url().endsWith('/submissions.csv'));
  await page.click('#download');
  const request = await csvRequest;
  assert.equal(request.headers().authorization, `Bearer ${TOKEN}`);
  const link = await page.waitForSelector('a.download-link');
  assert.match(await link.evaluate((a) => a.href), /^blob:/);
  assert.equal(await link.evaluate((a) => a.download), `${CAMPAIGN}-submissions.csv`);

  const file = join(downloads, `${CAMPAIGN}-submissions.csv`);
  for (let i = 0; i < 50 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.match(readFileSync(file, 'utf8'), /Trabajar con la sociedad civil/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a held submission can be accepted from the page', async (t) => {
  if (!chromePath) return t.skip(noChrome);
  const {page, problems} = await openPage();
  await signIn(page, TOKEN);
  await page.waitForSelector('.submission.is-held .accept');
  await page.click('.submission.is-held .accept');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('accepted'));
  await page.waitForFunction(() => !document.querySelector('.submission.is-held') && document.querySelector('#held').textContent === '0');
  const stats = await adminApi(`campaigns/${CAMPAIGN}/stats`);
  assert.equal(stats.held, 0);
  assert.equal(stats.total, 3);
  assert.equal(await text(page, '#total'), '3');
  assert.deepEqual(problems, []);
  await page.close();
});

test('erasing a supporter asks first, then erases and says how many', async (t) => {
  if (!chromePath) return t.skip(noChrome);
  const {page, problems} = await openPage();
  await signIn(page, TOKEN);
  await page.waitForSelector('.submission');
  await page.type('#erase-email', 'ana@example.org');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#erase-confirm:not([hidden])');
  assert.match(await text(page, '#erase-question'), /ana@example\.org/);
  // Nothing is erased before the confirmation.
  assert.equal((await adminApi(`campaigns/${CAMPAIGN}/submissions`)).filter((s) => s.personalRemoved).length, 0);
  // Focus is on the question, so a second Enter erases nothing; the keyboard reaches "Yes, erase" next.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'erase-question');
  await page.keyboard.press('Enter');
  assert.equal((await adminApi(`campaigns/${CAMPAIGN}/submissions`)).filter((s) => s.personalRemoved).length, 0);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'erase-yes');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Erased the personal data of 1 submission/.test(document.querySelector('#status').textContent));
  await page.waitForSelector('.removed');

  const list = await adminApi(`campaigns/${CAMPAIGN}/submissions`);
  const ana = list.find((s) => s.id === SENT[0].id);
  assert.equal(ana.personalRemoved, 'erased');
  assert.equal(ana.supporter.email, null);
  assert.match(await text(page, '.removed'), /erased on request/);
  assert.doesNotMatch(await text(page, '#submissions'), /Ana Pérez/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a wrong token is refused in words, and the page passes axe', async (t) => {
  if (!chromePath) return t.skip(noChrome);
  const {page, problems} = await openPage();
  await signIn(page, 'not-the-token');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await text(page, '#error'), /token was not accepted/);
  assert.equal(await page.$eval('#sign-in', (node) => node.hidden), false);
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);

  const axeOn = async (what) => {
    // Evaluated through DevTools rather than added as a <script>: the page's CSP rightly refuses inline scripts.
    await page.evaluate(readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const {violations} = await page.evaluate(() => window.axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}}));
    assert.deepEqual(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      `axe on ${what}`,
    );
  };
  await axeOn('the sign-in form with an error');

  await page.$eval('#token', (input) => (input.value = ''));
  await signIn(page, TOKEN);
  await page.waitForSelector('.submission');
  await page.waitForFunction(() => document.querySelector('#error').hidden);
  // A reload keeps the token for this tab.
  await page.reload({waitUntil: 'load'});
  await page.waitForSelector('.submission');
  await axeOn('the page with data');
  if (process.env.ADMIN_SCREENSHOT) await page.screenshot({path: process.env.ADMIN_SCREENSHOT, fullPage: true});

  await page.click('#sign-out');
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.equal(await page.$('.submission'), null);
  assert.deepEqual(problems, []);
  await page.close();
});
