// The organizer's page. Everything a supporter typed is untrusted: it reaches the DOM only as
// text nodes (append/textContent), never as markup, and links are never made from it.

const TOKEN_KEY = 'civic-action.admin-token';
const LIMIT = 50;
const $ = (id) => document.getElementById(id);

// sessionStorage, not localStorage: the token should not outlive the tab on a shared computer.
const storedToken = () => sessionStorage.getItem(TOKEN_KEY) ?? '';

let campaignId = '';
let loading = 0;
let pendingErase = '';

const when = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
// Days are counted by the receiver in UTC; shown in UTC so a day does not shift by one.
const day = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeZone: 'UTC'});
const count = new Intl.NumberFormat();
let languageNames;
try {
  languageNames = new Intl.DisplayNames(['en'], {type: 'language'});
} catch {
  // An old browser without DisplayNames shows the codes alone.
}

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key in node && !key.startsWith('aria')) node[key] = value;
    else node.setAttribute(key, String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

function language(code) {
  if (!code) return 'not given';
  let name = '';
  try {
    name = languageNames?.of(code) ?? '';
  } catch {
    // A code DisplayNames refuses is still worth showing as it is.
  }
  return name && name !== code ? `${name} (${code})` : code;
}

function say(text) {
  $('status').textContent = text;
}

function showError(text) {
  const box = $('error');
  box.textContent = text;
  box.hidden = !text;
}

class Problem extends Error {
  constructor(message, unauthorized = false) {
    super(message);
    this.unauthorized = unauthorized;
  }
}

async function api(path, init = {}) {
  let response;
  try {
    // Resolved against this script's own address (…/admin/page.js), not the page's: the page may
    // be opened as /admin or /admin/, or under a proxy's prefix, and the API is beside the script.
    response = await fetch(new URL(path, import.meta.url), {...init, cache: 'no-store', headers: {Authorization: `Bearer ${storedToken()}`, ...init.headers}});
  } catch {
    throw new Problem('The receiver could not be reached. Check your internet connection, then press Refresh.');
  }
  if (response.status === 401) throw new Problem('This organizer token was not accepted. Check it and sign in again.', true);
  if (!response.ok) {
    let detail = '';
    try {
      detail = (await response.json())?.error?.message ?? '';
    } catch {
      // Not JSON (a proxy's error page, say): the status code is all there is to tell.
    }
    throw new Problem(`The receiver answered with an error (${response.status}). ${detail}`.trim());
  }
  return response;
}

function fail(error) {
  if (error instanceof Problem && error.unauthorized) {
    signOut(false);
    showError(error.message);
    return;
  }
  showError(error instanceof Problem ? error.message : `Something went wrong on this page: ${String(error)}`);
  say('');
}

// ---- Tallies ------------------------------------------------------------------------------

function tallyTable(title, column, tally, label, bars) {
  const entries = Object.entries(tally);
  const id = `tally-${title.toLowerCase().replace(/\W+/g, '-')}`;
  const section = el('div', {className: 'tally'}, el('h3', {id}, title));
  if (!entries.length) {
    section.append(el('p', {className: 'hint'}, 'Nothing yet.'));
    return section;
  }
  const most = Math.max(...entries.map(([, n]) => n));
  const body = el('tbody');
  for (const [key, n] of entries) {
    // The bar only repeats the number beside it, so it is hidden from screen readers.
    const bar = bars ? el('td', {className: 'bar'}, el('meter', {min: 0, max: most, value: n, 'aria-hidden': 'true'})) : null;
    body.append(el('tr', {}, el('th', {scope: 'row'}, label(key)), el('td', {className: 'num'}, count.format(n)), bar));
  }
  const head = el('tr', {}, el('th', {scope: 'col'}, column), el('th', {scope: 'col', className: 'num'}, 'Count'), bars ? el('td') : null);
  section.append(el('table', {'aria-labelledby': id}, el('thead', {}, head), body));
  return section;
}

function showStats(stats) {
  $('total').textContent = count.format(stats.total);
  $('held').textContent = count.format(stats.held);
  const days = Object.fromEntries(Object.entries(stats.days).sort(([a], [b]) => (a < b ? 1 : -1)));
  $('tallies').replaceChildren(
    tallyTable('Per recommendation', 'Recommendation', stats.recommendations, (id) => id, true),
    tallyTable('Per partner (ref)', 'Partner', stats.refs, (ref) => ref || '(no ref)', true),
    tallyTable('Per language', 'Language', stats.locales, language, false),
    tallyTable('Per day', 'Day (UTC)', days, (key) => day.format(new Date(`${key}T00:00:00Z`)), false),
  );
}

// ---- Submissions --------------------------------------------------------------------------

function fact(term, ...value) {
  return el('div', {}, el('dt', {}, term), el('dd', {}, ...value));
}

function submissionItem(s) {
  const titleId = `subject-${s.id}`;
  const held = s.status === 'held';
  const removed = s.personalRemoved;
  const received = new Date(s.receivedAt);
  const badge = held
    ? el('p', {className: 'badge held'}, el('strong', {}, 'Held for review'), s.reviewReason ? `: ${s.reviewReason}` : '')
    : el('p', {className: 'badge accepted'}, 'Accepted');
  const item = el(
    'li',
    {className: held ? 'submission is-held' : 'submission'},
    el('article', {'aria-labelledby': titleId}, badge, el('h3', {id: titleId}, s.message.subject ?? (removed ? 'Message removed' : '(no subject)')), el('p', {className: 'meta'}, 'Received ', el('time', {dateTime: s.receivedAt}, Number.isNaN(received.getTime()) ? s.receivedAt : when.format(received)))),
  );
  const article = item.firstChild;
  if (removed) {
    article.append(
      el('p', {className: 'removed'}, removed === 'erased' ? 'The supporter’s personal data and message were erased on request.' : 'The supporter’s personal data and message were removed after the retention period.'),
    );
  }
  const facts = el('dl', {className: 'facts'});
  if (!removed) {
    facts.append(fact('To', s.message.to.length ? s.message.to.join(', ') : '(no one named)'));
    const {name, email, postalCode} = s.supporter;
    facts.append(fact('Signed by', [name, email, postalCode].filter(Boolean).join(' · ') || '(not given)'));
  }
  facts.append(
    fact('Agreed to hear from you', s.consent ? 'Yes' : 'No'),
    fact('Language', language(s.message.locale ?? s.locale)),
    fact('Recommendations', s.recommendations.join(', ') || '(none)'),
    fact('Partner (ref)', s.ref || '(no ref)'),
  );
  if (s.sourceUrl) facts.append(fact('Sent from', el('span', {className: 'url'}, s.sourceUrl)));
  article.append(facts);
  if (s.message.body) article.append(el('div', {className: 'body', lang: s.message.locale ?? undefined}, s.message.body));
  if (held) {
    article.append(el('button', {type: 'button', className: 'accept', 'aria-describedby': titleId, onclick: () => accept(s.id)}, 'Accept'));
  }
  // The subject and body are in the supporter's language; the page's own words stay English.
  if (s.message.locale) article.querySelector('h3').lang = s.message.locale;
  return item;
}

function showSubmissions(list) {
  const box = $('submissions');
  if (!list.length) {
    box.replaceChildren(el('li', {className: 'hint'}, $('show').value ? 'No submissions of this kind.' : 'No submissions yet.'));
    return;
  }
  box.replaceChildren(...list.map(submissionItem));
  if (list.length === LIMIT) box.append(el('li', {className: 'hint'}, `Only the latest ${LIMIT} are shown here. Download the CSV for all of them.`));
}

// ---- Delivery -----------------------------------------------------------------------------

// In the order an organizer reads them: what arrived, what is on its way, what needs a hand.
const DELIVERY_COUNTS = [
  ['delivered', 'Delivered'],
  ['waiting', 'Waiting to be sent'],
  ['retrying', 'Being retried'],
  ['failed', 'Failed'],
  ['unconfirmed', 'Waiting for the supporter’s confirmation'],
  ['expired', 'Expired unconfirmed'],
];

let officials = {};
let troubled = [];
let followUp = 0;

function plural(n, one, many = `${one}s`) {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}

function officialCard([address, o], index) {
  const total = DELIVERY_COUNTS.reduce((sum, [key]) => sum + (o[key] ?? 0), 0);
  const id = `official-${index}`;
  const counts = el('dl', {className: 'counts'});
  for (const [key, label] of DELIVERY_COUNTS) {
    const n = o[key] ?? 0;
    counts.append(el('div', {className: n && (key === 'failed' || key === 'retrying') ? `count is-${key}` : 'count'}, el('dt', {}, label), el('dd', {'data-count': key}, count.format(n))));
  }
  const summary = `${count.format(o.delivered ?? 0)} of ${plural(total, 'message')} delivered.`;
  return el(
    'article',
    {className: 'official', 'aria-labelledby': id},
    el('h4', {id}, o.name || address),
    el('p', {className: 'address'}, address),
    el('p', {className: 'summary'}, summary),
    // The meter only repeats the sentence above it, so it is hidden from screen readers.
    total ? el('meter', {min: 0, max: total, value: o.delivered ?? 0, 'aria-hidden': 'true'}) : null,
    counts,
  );
}

function showOfficials(list) {
  officials = list;
  const entries = Object.entries(list);
  const box = $('officials');
  if (!entries.length) {
    box.replaceChildren(el('p', {className: 'hint'}, 'No messages to officials yet.'));
    return;
  }
  box.replaceChildren(...entries.map(officialCard));
}

const SUPPORTER_KINDS = new Set(['confirmation', 'reminder']);

/** What the email is, for a heading or a button: never the supporter's address. */
function describe(e) {
  if (e.kind === 'confirmation') return 'confirmation to the supporter';
  if (e.kind === 'reminder') return 'reminder to confirm, to the supporter';
  const name = officials[e.to_address]?.name || e.to_address;
  return e.kind === 'digest' ? `digest to ${name}` : `message to ${name}`;
}

const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** The mail server's answer, in an organizer's words, with the answer itself kept. */
function explain(e) {
  let reason = (e.last_error ?? '').trim();
  const lines = [];
  const gaveUp = /^gave up after (\d+) attempts?: ([\s\S]*)$/.exec(reason);
  if (gaveUp) {
    lines.push(`Gave up after ${plural(Number(gaveUp[1]), 'attempt')}: the retry period ended.`);
    reason = gaveUp[2].trim();
  }
  if (!reason) {
    lines.push('No answer from the mail server was recorded.');
    return lines;
  }
  const code = Number(/^(\d)\d\d\b/.exec(reason)?.[1]);
  if (code === 5) lines.push(`The mail server refused it: ${reason}`);
  else if (code === 4) lines.push(`The mail server asked to try again later: ${reason}`);
  else if (/EAUTH/.test(reason)) lines.push(`The mail server did not accept the receiver’s login: ${reason}`);
  else if (/ETIMEDOUT|timeout/i.test(reason)) lines.push(`The mail server did not answer in time: ${reason}`);
  else if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ESOCKET|ECONNECTION|EDNS/.test(reason)) lines.push(`The mail server could not be reached: ${reason}`);
  else lines.push(`It could not be sent: ${reason}`);
  return lines;
}

function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : when.format(date);
}

function troubledItem(e) {
  const titleId = `email-${e.id}`;
  const failed = e.status === 'failed';
  const what = describe(e);
  const article = el(
    'article',
    {'aria-labelledby': titleId},
    el('p', {className: failed ? 'badge failed' : 'badge retrying'}, failed ? 'Failed' : 'Being retried'),
    el('h4', {id: titleId}, capital(what)),
    ...explain(e).map((line) => el('p', {className: 'reason'}, line)),
  );
  if (!failed && e.next_attempt_at) {
    const next = new Date(e.next_attempt_at);
    article.append(
      next.getTime() > Date.now()
        ? el('p', {className: 'next'}, 'Will try again at ', el('time', {dateTime: e.next_attempt_at}, formatTime(e.next_attempt_at)), '.')
        : el('p', {className: 'next'}, 'Will try again in a moment.'),
    );
  }
  const facts = el('dl', {className: 'facts'});
  // The supporter's address only here, inside the entry: the heading names no supporter.
  facts.append(fact(SUPPORTER_KINDS.has(e.kind) ? 'Supporter’s address' : 'Official’s address', e.to_address));
  facts.append(fact('Attempts', count.format(e.attempts)));
  facts.append(fact('Queued', el('time', {dateTime: e.created_at}, formatTime(e.created_at))));
  article.append(facts);
  if (failed) {
    article.append(
      el('button', {type: 'button', className: 'retry', onclick: () => retry(e)}, 'Send again', el('span', {className: 'visually-hidden'}, ` the ${what}`)),
    );
  }
  return el('li', {className: failed ? 'trouble is-failed' : 'trouble is-retrying'}, article);
}

function showTroubled(list) {
  troubled = list;
  const box = $('troubled');
  if (!list.length) {
    box.replaceChildren(el('li', {className: 'hint'}, 'None: no email has failed or is being retried.'));
    return;
  }
  box.replaceChildren(...list.map(troubledItem));
  if (list.length >= 200) box.append(el('li', {className: 'hint'}, 'Only the latest 200 are shown here.'));
}

function showDeliveries(deliveries) {
  showOfficials(deliveries.officials ?? {});
  showTroubled(deliveries.troubled ?? []);
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function retry(e) {
  const what = describe(e);
  const official = SUPPORTER_KINDS.has(e.kind) ? '' : e.to_address;
  const deliveredBefore = officials[official]?.delivered ?? 0;
  const campaign = campaignId;
  const ticket = ++followUp;
  say(`Sending the ${what} again…`);
  try {
    await api(`emails/${encodeURIComponent(e.id)}/retry`, {method: 'POST'});
  } catch (error) {
    fail(error);
    return;
  }
  await refresh({quiet: true});
  say(`The ${what} is queued to be sent again.`);
  // Its button is gone with the refreshed list; the list's heading keeps the reader's place.
  $('troubled-title').focus();
  // The receiver sends in the background: look again a few times, then say how it went.
  for (const wait of [700, 1500, 3000, 6000]) {
    await pause(wait);
    if (ticket !== followUp || campaign !== campaignId) return;
    await refresh({quiet: true});
    if (ticket !== followUp || campaign !== campaignId) return;
    const now = troubled.find((t) => t.id === e.id);
    if (now?.status === 'failed') {
      say(`The ${what} failed again. ${explain(now).join(' ')}`);
      return;
    }
    if (now?.status === 'retrying') {
      say(`The ${what} could not be sent yet. ${explain(now).join(' ')} The receiver will keep trying.`);
      return;
    }
    if (official ? (officials[official]?.delivered ?? 0) > deliveredBefore : true) {
      say(official ? `The ${what} was delivered: the mail server accepted it.` : `The ${what} was sent again.`);
      return;
    }
  }
  say(`The ${what} is still waiting to be sent. Press Refresh later to see whether it was delivered.`);
}

// ---- Loading ------------------------------------------------------------------------------

/** `quiet`: for a refresh the page makes on its own, which should not chatter in the status line. */
async function refresh({quiet = false} = {}) {
  if (!campaignId) return;
  const ticket = ++loading;
  if (!quiet) say('Loading…');
  try {
    const base = `campaigns/${encodeURIComponent(campaignId)}`;
    const status = $('show').value;
    const [stats, list, deliveries] = await Promise.all([
      api(`${base}/stats`).then((r) => r.json()),
      api(`${base}/submissions?limit=${LIMIT}${status ? `&status=${status}` : ''}`).then((r) => r.json()),
      api(`${base}/deliveries`).then((r) => r.json()),
    ]);
    // A slower, older answer must not overwrite a newer one (say, after switching campaigns).
    if (ticket !== loading) return;
    showStats(stats);
    showDeliveries(deliveries);
    showSubmissions(list);
    showError('');
    if (!quiet) say(`Updated at ${new Intl.DateTimeFormat(undefined, {timeStyle: 'short'}).format(new Date())}.`);
  } catch (error) {
    if (ticket === loading) fail(error);
  }
}

function chooseCampaign(id) {
  campaignId = id;
  $('campaign-title').textContent = `Campaign: ${id}`;
  return refresh();
}

async function signIn() {
  say('Signing in…');
  let campaigns;
  try {
    campaigns = await (await api('campaigns')).json();
  } catch (error) {
    fail(error);
    return;
  }
  $('sign-in').hidden = true;
  $('signed-in').hidden = false;
  $('sign-out').hidden = false;
  const select = $('campaign');
  select.replaceChildren(...campaigns.map(({id}) => el('option', {value: id}, id)));
  $('campaign-choice').hidden = campaigns.length < 2;
  if (!campaigns.length) {
    showError('The receiver has no campaigns configured.');
    return;
  }
  const remembered = campaigns.some(({id}) => id === campaignId) ? campaignId : campaigns[0].id;
  select.value = remembered;
  // Focus would otherwise be lost with the hidden form; the heading says where the reader is now.
  $('campaign-title').focus();
  await chooseCampaign(remembered);
}

function signOut(announce = true) {
  sessionStorage.removeItem(TOKEN_KEY);
  loading++;
  campaignId = '';
  // Personal data should not stay on screen once signed out.
  $('submissions').replaceChildren();
  $('tallies').replaceChildren();
  $('officials').replaceChildren();
  $('troubled').replaceChildren();
  officials = {};
  troubled = [];
  followUp++;
  $('signed-in').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  $('token').value = '';
  hideConfirm();
  showError('');
  say(announce ? 'Signed out.' : '');
  $('token').focus();
}

// ---- Actions ------------------------------------------------------------------------------

async function accept(id) {
  try {
    await api(`submissions/${encodeURIComponent(id)}/accept`, {method: 'POST'});
    await refresh();
    say('The submission was accepted and now counts in the tallies.');
    // Its button is gone with the refreshed list; the list's heading keeps the reader's place.
    $('latest-title').focus();
  } catch (error) {
    fail(error);
  }
}

async function downloadCsv() {
  say('Preparing the CSV file…');
  try {
    const response = await api(`campaigns/${encodeURIComponent(campaignId)}/submissions.csv`);
    const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `${campaignId}-submissions.csv`;
    // A plain link cannot carry the bearer header, so the file is fetched here and handed over as a blob.
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', {href: url, download: name, className: 'download-link'}, `Save ${name}`);
    $('download').after(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(url);
      link.remove();
    }, 60_000);
    say(`The CSV file ${name} was downloaded.`);
  } catch (error) {
    fail(error);
  }
}

function hideConfirm() {
  pendingErase = '';
  $('erase-confirm').hidden = true;
}

function askErase(event) {
  event.preventDefault();
  const input = $('erase-email');
  const email = input.value.trim();
  if (!email.includes('@')) {
    showError('Type the supporter’s email address, such as ana@example.org.');
    input.focus();
    return;
  }
  showError('');
  pendingErase = email;
  $('erase-question').textContent = `Erase everything ${email} sent? This cannot be undone.`;
  $('erase-confirm').hidden = false;
  // The question, not the button: a second Enter must not erase before the question is read.
  $('erase-question').focus();
}

async function erase() {
  const email = pendingErase;
  if (!email) return;
  try {
    const {erased} = await (await api(`supporters?email=${encodeURIComponent(email)}`, {method: 'DELETE'})).json();
    hideConfirm();
    $('erase-email').value = '';
    await refresh();
    say(erased ? `Erased the personal data of ${erased} submission${erased === 1 ? '' : 's'} from ${email}.` : `No submissions were sent with ${email}; nothing was erased.`);
    $('erase-email').focus();
  } catch (error) {
    fail(error);
  }
}

// ---- Wiring -------------------------------------------------------------------------------

$('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const token = $('token').value.trim();
  if (!token) {
    showError('Type the organizer token first.');
    $('token').focus();
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  showError('');
  signIn();
});
$('sign-out').addEventListener('click', () => signOut());
$('refresh').addEventListener('click', () => refresh());
$('download').addEventListener('click', downloadCsv);
$('campaign').addEventListener('change', (event) => chooseCampaign(event.target.value));
$('show').addEventListener('change', () => refresh());
$('erase-form').addEventListener('submit', askErase);
$('erase-yes').addEventListener('click', erase);
// A changed address needs its own question: the one showing names the old address.
$('erase-email').addEventListener('input', hideConfirm);
$('erase-no').addEventListener('click', () => {
  hideConfirm();
  $('erase-email').focus();
});

if (storedToken()) signIn();
else $('token').focus();
