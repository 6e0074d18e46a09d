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

// ---- Loading ------------------------------------------------------------------------------

async function refresh() {
  if (!campaignId) return;
  const ticket = ++loading;
  say('Loading…');
  try {
    const base = `campaigns/${encodeURIComponent(campaignId)}`;
    const status = $('show').value;
    const [stats, list] = await Promise.all([
      api(`${base}/stats`).then((r) => r.json()),
      api(`${base}/submissions?limit=${LIMIT}${status ? `&status=${status}` : ''}`).then((r) => r.json()),
    ]);
    // A slower, older answer must not overwrite a newer one (say, after switching campaigns).
    if (ticket !== loading) return;
    showStats(stats);
    showSubmissions(list);
    showError('');
    say(`Updated at ${new Intl.DateTimeFormat(undefined, {timeStyle: 'short'}).format(new Date())}.`);
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
$('refresh').addEventListener('click', refresh);
$('download').addEventListener('click', downloadCsv);
$('campaign').addEventListener('change', (event) => chooseCampaign(event.target.value));
$('show').addEventListener('change', refresh);
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
