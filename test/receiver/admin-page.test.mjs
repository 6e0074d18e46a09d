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
import {chromeArgs, findChrome} from '../../scripts/lib/find-chrome.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'organizer-secret-for-tests';
const CAMPAIGN = 'root-causes-2021';
const HOSTILE_NAME = 'Mallory <img src=x onerror=alert(1)>';
// Two officials; the mail server refuses the second one's mailbox until the test says otherwise.
const VP = 'vp@officials.example';
const POLICY = 'policy@officials.example';
const OFFICIALS = [
  {name: {en: 'Vice President Kamala Harris', es: 'vicepresidenta Kamala Harris'}, email: VP},
  {name: 'Office of Policy', email: POLICY},
];
const REFUSAL = {code: 550, text: '5.1.1 Mailbox unavailable'};
let refusePolicy = true;

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
let sink;

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
  // Imported here, not at the top: support.mjs imports the built receiver, which may not exist yet.
  const {smtpSink} = await import('./support.mjs');
  sink = await smtpSink({answer: (m) => (refusePolicy && m.rcptTo[0] === POLICY ? REFUSAL : null)});
  const config = parseConfig(
    {
      database: `sqlite:${join(dir, 'admin.sqlite')}`,
      smtp: {url: sink.url, timeoutSeconds: 5},
      sender: {name: 'Casa Comunitaria', address: 'actions@casa.example'},
      campaigns: [{id: CAMPAIGN, origins: ['https://partner.example'], recipients: OFFICIALS}],
    },
    {baseDir: dir, env: {}},
  );
  receiver = await startReceiver({config, adminToken: TOKEN, port: 0, log: () => {}, worker: {retryBaseMs: 1000, pollMs: 50}});
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
  await sink?.close();
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

async function axeClean(page, what) {
  // Evaluated through DevTools rather than added as a <script>: the page's CSP rightly refuses inline scripts.
  await page.evaluate(readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const {violations} = await page.evaluate(() => window.axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}}));
  assert.deepEqual(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `axe on ${what}`,
  );
}

async function waitFor(condition, what, timeoutMs = 10_000) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Each official's card as shown: address → {name, delivered, waiting, …} read from the page's text. */
const shownOfficials = (page) =>
  page.$$eval('.official', (cards) =>
    Object.fromEntries(
      cards.map((card) => [
        card.querySelector('.address').textContent,
        {name: card.querySelector('h4').textContent, ...Object.fromEntries([...card.querySelectorAll('dd[data-count]')].map((dd) => [dd.dataset.count, Number(dd.textContent)]))},
      ]),
    ),
  );

const shownTroubles = (page) =>
  page.$$eval('.trouble', (items) =>
    items.map((item) => ({heading: item.querySelector('h4').textContent, text: item.textContent, button: item.querySelector('button')?.textContent ?? null})),
  );

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

test('Delivery shows each official’s counts and the refused email; Send again delivers it', async (t) => {
  if (!chromePath) return t.skip(noChrome);
  // Three accepted submissions (one accepted by hand above), each to both officials; the second refuses.
  await waitFor(async () => {
    const {officials} = await adminApi(`campaigns/${CAMPAIGN}/deliveries`);
    return officials[VP]?.delivered === 3 && officials[POLICY]?.failed === 3;
  }, 'three delivered to the VP, three refused for the Office of Policy');
  const {page, problems} = await openPage();
  await signIn(page, TOKEN);
  await page.waitForSelector('.official');

  const stats = await adminApi(`campaigns/${CAMPAIGN}/stats`);
  assert.deepEqual(await shownOfficials(page), stats.deliveries);
  assert.deepEqual(stats.deliveries, {
    [VP]: {name: 'Vice President Kamala Harris', delivered: 3, waiting: 0, retrying: 0, failed: 0, unconfirmed: 0, expired: 0},
    [POLICY]: {name: 'Office of Policy', delivered: 0, waiting: 0, retrying: 0, failed: 3, unconfirmed: 0, expired: 0},
  });
  const cards = await page.$$eval('.official', (nodes) => nodes.map((node) => node.textContent));
  assert.ok(cards.some((card) => card.includes('3 of 3 messages delivered.')));
  assert.ok(cards.some((card) => card.includes('0 of 3 messages delivered.')));

  const troubles = await shownTroubles(page);
  assert.equal(troubles.length, 3);
  for (const trouble of troubles) {
    assert.equal(trouble.heading, 'Message to Office of Policy');
    assert.match(trouble.text, /^Failed/);
    assert.match(trouble.text, /The mail server refused it: 550 5\.1\.1 Mailbox unavailable/);
    assert.match(trouble.text, /Official’s address/);
    assert.ok(trouble.text.includes(POLICY));
    // Named by what it does and for whom, for a screen reader as for the eye.
    assert.equal(trouble.button, 'Send again the message to Office of Policy');
  }
  await axeClean(page, 'the Delivery section with failed emails');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing wider than 390 px');

  // The mailbox works again; the organizer sends one again from the keyboard.
  refusePolicy = false;
  const before = sink.messages.length;
  await page.focus('.trouble.is-failed .retry');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /Office of Policy was delivered/.test(document.querySelector('#status').textContent), {timeout: 10_000});
  assert.equal(await text(page, '#status'), 'The message to Office of Policy was delivered: the mail server accepted it.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'troubled-title', 'focus stays in the list, not lost with the button');
  const after = await adminApi(`campaigns/${CAMPAIGN}/stats`);
  assert.equal(after.deliveries[POLICY].delivered, 1);
  assert.equal(after.deliveries[POLICY].failed, 2);
  assert.deepEqual(await shownOfficials(page), after.deliveries);
  assert.equal((await shownTroubles(page)).length, 2);
  assert.deepEqual(sink.messages.slice(before).map((m) => m.rcptTo[0]), [POLICY]);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Delivery explains retrying emails and confirmations without naming the supporter in headings', async (t) => {
  if (!chromePath) return t.skip(noChrome);
  const {page, problems} = await openPage();
  const soon = new Date(Date.now() + 3_600_000).toISOString();
  const made = new Date().toISOString();
  const supporter = 'ana.supporter@example.org';
  // Kinds and answers this receiver does not produce on demand, served in place of its own list.
  const fake = {
    officials: {[VP]: {name: 'Vice President Kamala Harris', delivered: 1, waiting: 2, retrying: 1, failed: 1, unconfirmed: 4, expired: 5}},
    troubled: [
      {id: 'e1', kind: 'individual', to_address: VP, status: 'retrying', attempts: 2, last_error: '421 4.7.0 Try again later', created_at: made, next_attempt_at: soon, submission_id: 's1'},
      {id: 'e2', kind: 'confirmation', to_address: supporter, status: 'failed', attempts: 1, last_error: '550 5.1.1 No such user', created_at: made, next_attempt_at: made, submission_id: 's2'},
      {id: 'e3', kind: 'reminder', to_address: supporter, status: 'retrying', attempts: 1, last_error: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:2525', created_at: made, next_attempt_at: soon, submission_id: 's2'},
      {id: 'e4', kind: 'digest', to_address: VP, status: 'failed', attempts: 9, last_error: 'gave up after 9 attempts: 451 4.3.0 Busy', created_at: made, next_attempt_at: made, submission_id: null},
    ],
  };
  await page.setRequestInterception(true);
  page.on('request', (request) =>
    request.url().endsWith('/deliveries') ? request.respond({status: 200, contentType: 'application/json', body: JSON.stringify(fake)}) : request.continue(),
  );
  await signIn(page, TOKEN);
  await page.waitForSelector('.trouble');
  const troubles = await shownTroubles(page);
  assert.deepEqual(
    troubles.map((x) => [x.heading, x.button]),
    [
      ['Message to Vice President Kamala Harris', null],
      ['Confirmation to the supporter', 'Send again the confirmation to the supporter'],
      ['Reminder to confirm, to the supporter', null],
      ['Digest to Vice President Kamala Harris', 'Send again the digest to Vice President Kamala Harris'],
    ],
  );
  assert.match(troubles[0].text, /Being retried.*The mail server asked to try again later: 421 4\.7\.0 Try again later.*Will try again at /);
  assert.match(troubles[1].text, /The mail server refused it: 550 5\.1\.1 No such user.*Supporter’s address.*ana\.supporter@example\.org/);
  assert.match(troubles[2].text, /The mail server could not be reached: ESOCKET/);
  assert.match(troubles[3].text, /Gave up after 9 attempts: the retry period ended\.The mail server asked to try again later: 451 4\.3\.0 Busy/);
  const card = await shownOfficials(page);
  assert.deepEqual(card, fake.officials);
  await axeClean(page, 'retrying and confirmation emails');
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

  const axeOn = (what) => axeClean(page, what);
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
