import {readFileSync} from 'node:fs';

/**
 * A real HTTP endpoint for the tests, served by the test runner itself.
 *
 *   POST /endpoint/<behaviour>/<bucket>  records the request, then answers as <behaviour> says:
 *        ok            201 with a JSON body
 *        status-NNN    that status with a JSON error body
 *        hold          waits until /endpoint/release/<bucket> is requested, then 201
 *        hold-first    holds the first request that way; answers later ones 201 at once
 *        seq-A-B-…     the nth request gets the nth step (the last one repeats): a status; a status
 *                      written 429ra2 also carries Retry-After: 2; `refuse` is refuse-fields' 422;
 *                      `drop` answers with bytes that are not HTTP (a network error); `holddrop`
 *                      holds the request until /endpoint/release/<bucket>, then does the same
 *        text          200 with an HTML body, not JSON
 *        html-404      404 with an HTML body, as a web server answers an address where nothing is
 *        stored        201 {"status": "stored", "id"}, as the reference receiver answers
 *        confirm       201 {"status": "confirm", "id"}: the receiver waits for the supporter's email confirmation
 *        refuse-fields 422 with the documented error body naming supporter.email
 *        redirect      307 to /endpoint/ok/<bucket>-moved on 127.0.0.1, another origin than localhost
 *   GET  /endpoint/campaign/<bucket>    records the request and answers with a three-language campaign
 *   GET  /endpoint/campaign-hold/<bucket>  the same, once /endpoint/release/<bucket> is requested
 *   GET  /endpoint/campaign-flaky/<bucket> 503 to the first request, as a network's blip would; the campaign after
 *   GET  /endpoint/tally/<bucket>       records the request and answers a tally: total 12345, tps 1234,
 *                                       end-title-42 1, and an id no campaign has
 *   GET  /endpoint/tally-hold/<bucket>  the same, once /endpoint/release/<bucket> is requested
 *   GET  /endpoint/tally-500/<bucket>   500; tally-drop closes the connection without an answer;
 *                                       tally-over answers a recommendation counted more often than the total
 *   OPTIONS /endpoint/<behaviour>/<bucket>  a CORS preflight: recorded (method OPTIONS), answered 204
 *                                       without any Access-Control-* header, so the browser refuses
 *   GET  /endpoint/recorded/<bucket>    what was recorded in that bucket (POSTs, and preflights)
 *   GET  /endpoint/release/<bucket>     lets held requests of that bucket answer
 *
 * Each test uses its own bucket, so tests can run side by side.
 */
const recorded = new Map();
const held = new Map();

/** What a bucket recorded so far, for the Node-side checks (see repo-checks.mjs). */
export const recordedIn = (bucket) => recorded.get(bucket) ?? [];

const hold = (bucket) => new Promise((resolve) => held.set(bucket, [...(held.get(bucket) ?? []), resolve]));

/** A network error, as a crashed server or a dropped connection gives: no status at all. */
function drop(ctx) {
  ctx.status = 200;
  ctx.respond = false;
  ctx.req.socket.destroy();
}

/**
 * A network error for a POST: an answer that is not HTTP. (A connection closed before any byte
 * of an answer is not enough: Chromium sends the request again by itself on a fresh connection.)
 */
function garble(ctx) {
  ctx.status = 200;
  ctx.respond = false;
  ctx.req.socket.end('this is not HTTP\r\n\r\n');
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(ctx, status, body) {
  ctx.status = status;
  ctx.set('Content-Type', 'application/json');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = JSON.stringify(body);
}

/**
 * GET /csp-page?bucket=<bucket>: a partner page under the strictest policy the widget must
 * work with (or none, with csp=off), loading the built widget and posting to the recording
 * endpoint (as `ok`, or as behaviour=<behaviour> says).
 */
function cspPage(ctx) {
  const bucket = ctx.query.bucket;
  const behaviour = /^[a-z0-9-]+$/.test(ctx.query.behaviour ?? '') ? ctx.query.behaviour : 'ok';
  if (ctx.query.csp !== 'off') {
    ctx.set(
      'Content-Security-Policy',
      `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${ctx.origin}/endpoint/${behaviour}/${bucket}; ` +
        "require-trusted-types-for 'script'; trusted-types lit-html",
    );
  }
  ctx.set('Content-Type', 'text/html');
  ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script src="/test/fixtures/csp-listener.js"></script>
<script type="module" src="/dist/civic-action.js"></script></head>
<body><civic-action endpoint="/endpoint/${behaviour}/${bucket}" retries="0"></civic-action></body></html>`;
}

/**
 * GET /cdn/civic-action/<version>/civic-action.js (and its chunks/…): the built files, as an
 * organizer's host would serve them; /cdn-tampered/… serves the first script changed by one line,
 * as a hijacked host might, and /cdn-tampered-chunks/… the chunks (but for the built-in campaign's
 * English texts, so that a test sees what stays readable); /cdn-missing-chunks/… answers 404 for
 * every chunk, as a host that lost them would, and /cdn-missing-campaign/… for the built-in
 * campaign's texts only; /cdn-slow-campaign/… serves those 400 ms late, as a slow network would,
 * and /cdn-slow-checks/… the checks' chunk (/cdn-slower-checks/… 3.5 s late, past the wait for a draft). /cdn-flaky-spanish/… answers 503 to the first request
 * for each Spanish chunk (the strings, the built-in campaign's texts) under one <version>, as a
 * mobile network's blip would, and serves them from then on; /cdn-flaky-texts/… the same for the
 * built-in campaign's texts in every language, and /cdn-flaky-checks/… for the checks' chunk.
 */
const flakyServed = new Set();

async function cdn(ctx) {
  const match = /^\/(cdn|cdn-tampered|cdn-tampered-chunks|cdn-missing-chunks|cdn-missing-campaign|cdn-slow-campaign|cdn-slow-checks|cdn-slower-checks|cdn-flaky-spanish|cdn-flaky-texts|cdn-flaky-checks)\/civic-action\/([\w.-]+)\/(civic-action\.js|chunks\/[\w-]+\.js)$/.exec(ctx.path);
  if (!match) return false;
  const [, host, version, path] = match;
  const flakes = {'cdn-flaky-spanish': /^chunks\/(es|default-campaign-es)-/, 'cdn-flaky-texts': /^chunks\/default-campaign-/, 'cdn-flaky-checks': /^chunks\/checks-/}[host];
  const flaky = Boolean(flakes?.test(path)) && !flakyServed.has(`${version}/${path}`);
  if (flaky) flakyServed.add(`${version}/${path}`);
  if ((host === 'cdn-missing-chunks' && path !== 'civic-action.js') || (host === 'cdn-missing-campaign' && path.startsWith('chunks/default-campaign-')) || flaky) {
    ctx.status = flaky ? 503 : 404;
    ctx.set('Access-Control-Allow-Origin', '*');
    // The test runner marks every file's answer cacheable for a year, after this: `Vary: *` keeps
    // the browser from storing a blip, as a real host's error would not be stored.
    if (flaky) ctx.set('Vary', '*');
    return true;
  }
  const [slow, delayMs] = {'cdn-slow-campaign': ['chunks/default-campaign-', 400], 'cdn-slow-checks': ['chunks/checks-', 400], 'cdn-slower-checks': ['chunks/checks-', 3500]}[host] ?? [];
  if (slow && path.startsWith(slow)) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const file = readFileSync(`dist/${path}`, 'utf8');
  ctx.set('Content-Type', 'text/javascript');
  ctx.set('Access-Control-Allow-Origin', '*');
  const tampered = path === 'civic-action.js' ? host === 'cdn-tampered' : host === 'cdn-tampered-chunks' && !path.startsWith('chunks/default-campaign-en-');
  ctx.body = tampered ? `${file}\nconsole.log('changed');` : file;
  return true;
}

/** A live counter's answer (see the behaviours above), recorded to see how it was asked for. */
async function tally(ctx, behaviour, bucket) {
  recorded.set(bucket, [...(recorded.get(bucket) ?? []), {headers: ctx.headers, body: null, at: Date.now()}]);
  if (behaviour === 'tally-hold') await hold(bucket);
  if (behaviour === 'tally-500') return json(ctx, 500, {error: {message: 'tally down on purpose'}});
  if (behaviour === 'tally-drop') return drop(ctx);
  const over = behaviour === 'tally-over';
  return json(ctx, 200, {total: 12345, recommendations: {tps: over ? 12346 : 1234, 'end-title-42': 1, 'no-such-recommendation': 7}});
}

export function recordingEndpoint() {
  return async (ctx, next) => {
    if (ctx.path === '/csp-page') return cspPage(ctx);
    if (await cdn(ctx)) return;
    const match = /^\/endpoint\/([a-z0-9-]+)\/([\w-]+)$/.exec(ctx.path);
    if (!match) return next();
    const [, behaviour, bucket] = match;
    if (behaviour === 'recorded') return json(ctx, 200, recorded.get(bucket) ?? []);
    if (behaviour === 'release') {
      for (const release of held.get(bucket) ?? []) release();
      held.delete(bucket);
      return json(ctx, 200, {released: true});
    }
    if (['campaign', 'campaign-hold', 'campaign-flaky'].includes(behaviour) && ctx.method === 'GET') {
      // A campaign file, served and recorded like a submission, to see how it was asked for.
      const earlier = recorded.get(bucket) ?? [];
      recorded.set(bucket, [...earlier, {headers: ctx.headers, body: null, at: Date.now()}]);
      if (behaviour === 'campaign-flaky' && earlier.length === 0) return json(ctx, 503, {error: {message: 'down for a moment'}});
      if (behaviour === 'campaign-hold') await hold(bucket);
      ctx.set('Content-Type', 'application/json');
      ctx.body = readFileSync('test/fixtures/campaign-three-languages.json', 'utf8');
      return;
    }
    if (behaviour.startsWith('tally') && ctx.method === 'GET') return tally(ctx, behaviour, bucket);
    if (ctx.method === 'OPTIONS') {
      recorded.set(bucket, [...(recorded.get(bucket) ?? []), {method: 'OPTIONS', headers: ctx.headers, body: null, at: Date.now()}]);
      ctx.status = 204;
      return;
    }
    if (ctx.method !== 'POST') return json(ctx, 405, {error: {message: 'POST here'}});
    const text = await readBody(ctx.req);
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const earlier = recorded.get(bucket) ?? [];
    recorded.set(bucket, [...earlier, {method: 'POST', headers: ctx.headers, body, at: Date.now()}]);
    if (behaviour === 'hold' || (behaviour === 'hold-first' && earlier.length === 0)) {
      await hold(bucket);
      return json(ctx, 201, {ok: true});
    }
    if (behaviour === 'text') {
      ctx.status = 200;
      ctx.set('Content-Type', 'text/html');
      ctx.body = '<!doctype html><p>Thanks!</p>';
      return;
    }
    if (behaviour === 'stored' || behaviour === 'confirm') return json(ctx, 201, {status: behaviour, id: body.id});
    if (behaviour === 'redirect') {
      ctx.status = 307;
      ctx.set('Location', `http://127.0.0.1:${ctx.URL.port}/endpoint/ok/${bucket}-moved`);
      return;
    }
    const refuse = () => json(ctx, 422, {error: {message: 'We could not use this email.', fields: {'supporter.email': 'This address bounces.'}}});
    if (behaviour === 'refuse-fields') return refuse();
    const sequence = /^seq-(.+)$/.exec(behaviour);
    if (sequence) {
      const steps = sequence[1].split('-');
      const step = steps[Math.min(earlier.length, steps.length - 1)];
      if (step === 'refuse') return refuse();
      if (step === 'drop') return garble(ctx);
      if (step === 'holddrop') {
        await hold(bucket);
        return garble(ctx);
      }
      const [, code, retryAfter] = /^(\d{3})(?:ra(\d+))?$/.exec(step);
      if (retryAfter) ctx.set('Retry-After', retryAfter);
      return json(ctx, Number(code), Number(code) < 300 ? {ok: true} : {error: {message: `step ${earlier.length + 1}`}});
    }
    if (behaviour === 'html-404') {
      ctx.status = 404;
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Not Found</title><h1>Not Found</h1>';
      return;
    }
    const status = /^status-(\d{3})$/.exec(behaviour);
    if (status) return json(ctx, Number(status[1]), {error: {message: `status ${status[1]} on purpose`}});
    return json(ctx, 201, {ok: true});
  };
}
