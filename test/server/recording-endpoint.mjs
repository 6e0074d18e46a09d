import {readFileSync} from 'node:fs';

/**
 * A real HTTP endpoint for the tests, served by the test runner itself.
 *
 *   POST /endpoint/<behaviour>/<bucket>  records the request, then answers as <behaviour> says:
 *        ok            201 with a JSON body
 *        status-NNN    that status with a JSON error body
 *        hold          waits until /endpoint/release/<bucket> is requested, then 201
 *        hold-first    holds the first request that way; answers later ones 201 at once
 *        seq-A-B-…     the nth request gets the nth status (the last one repeats); a status
 *                      written 429ra2 also carries Retry-After: 2
 *        text          200 with an HTML body, not JSON
 *        stored        201 {"status": "stored", "id"}, as the reference receiver answers
 *        confirm       201 {"status": "confirm", "id"}: the receiver waits for the supporter's email confirmation
 *        refuse-fields 422 with the documented error body naming supporter.email
 *        redirect      307 to /endpoint/ok/<bucket>-moved on 127.0.0.1, another origin than localhost
 *   GET  /endpoint/campaign/<bucket>    records the request and answers with a three-language campaign
 *   GET  /endpoint/campaign-hold/<bucket>  the same, once /endpoint/release/<bucket> is requested
 *   GET  /endpoint/tally/<bucket>       records the request and answers a tally: total 12345, tps 1234,
 *                                       end-title-42 1, and an id no campaign has
 *   GET  /endpoint/tally-hold/<bucket>  the same, once /endpoint/release/<bucket> is requested
 *   GET  /endpoint/tally-500/<bucket>   500; tally-drop closes the connection without an answer;
 *                                       tally-over answers a recommendation counted more often than the total
 *   GET  /endpoint/recorded/<bucket>    what was recorded in that bucket
 *   GET  /endpoint/release/<bucket>     lets held requests of that bucket answer
 *
 * Each test uses its own bucket, so tests can run side by side.
 */
const recorded = new Map();
const held = new Map();

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
 * endpoint.
 */
function cspPage(ctx) {
  const bucket = ctx.query.bucket;
  if (ctx.query.csp !== 'off') {
    ctx.set(
      'Content-Security-Policy',
      `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${ctx.origin}/endpoint/ok/${bucket}; ` +
        "require-trusted-types-for 'script'; trusted-types lit-html",
    );
  }
  ctx.set('Content-Type', 'text/html');
  ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script src="/test/fixtures/csp-listener.js"></script>
<script type="module" src="/dist/civic-action.js"></script></head>
<body><civic-action endpoint="/endpoint/ok/${bucket}" retries="0"></civic-action></body></html>`;
}

/**
 * GET /cdn/civic-action/<version>/civic-action.js: the built file, as an organizer's host would
 * serve it; /cdn-tampered/… serves it changed by one line, as a hijacked host might.
 */
function cdn(ctx) {
  const match = /^\/(cdn|cdn-tampered)\/civic-action\/[\w.-]+\/civic-action\.js$/.exec(ctx.path);
  if (!match) return false;
  const file = readFileSync('dist/civic-action.js', 'utf8');
  ctx.set('Content-Type', 'text/javascript');
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.body = match[1] === 'cdn' ? file : `${file}\nconsole.log('changed');`;
  return true;
}

/** A live counter's answer (see the behaviours above), recorded to see how it was asked for. */
async function tally(ctx, behaviour, bucket) {
  recorded.set(bucket, [...(recorded.get(bucket) ?? []), {headers: ctx.headers, body: null, at: Date.now()}]);
  if (behaviour === 'tally-hold') await new Promise((resolve) => held.set(bucket, [...(held.get(bucket) ?? []), resolve]));
  if (behaviour === 'tally-500') return json(ctx, 500, {error: {message: 'tally down on purpose'}});
  if (behaviour === 'tally-drop') {
    // A network error, as a crashed server or a dropped connection gives: no status at all.
    ctx.status = 200;
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  const over = behaviour === 'tally-over';
  return json(ctx, 200, {total: 12345, recommendations: {tps: over ? 12346 : 1234, 'end-title-42': 1, 'no-such-recommendation': 7}});
}

export function recordingEndpoint() {
  return async (ctx, next) => {
    if (ctx.path === '/csp-page') return cspPage(ctx);
    if (cdn(ctx)) return;
    const match = /^\/endpoint\/([a-z0-9-]+)\/([\w-]+)$/.exec(ctx.path);
    if (!match) return next();
    const [, behaviour, bucket] = match;
    if (behaviour === 'recorded') return json(ctx, 200, recorded.get(bucket) ?? []);
    if (behaviour === 'release') {
      for (const release of held.get(bucket) ?? []) release();
      held.delete(bucket);
      return json(ctx, 200, {released: true});
    }
    if ((behaviour === 'campaign' || behaviour === 'campaign-hold') && ctx.method === 'GET') {
      // A campaign file, served and recorded like a submission, to see how it was asked for.
      recorded.set(bucket, [...(recorded.get(bucket) ?? []), {headers: ctx.headers, body: null, at: Date.now()}]);
      if (behaviour === 'campaign-hold') await new Promise((resolve) => held.set(bucket, [...(held.get(bucket) ?? []), resolve]));
      ctx.set('Content-Type', 'application/json');
      ctx.body = readFileSync('test/fixtures/campaign-three-languages.json', 'utf8');
      return;
    }
    if (behaviour.startsWith('tally') && ctx.method === 'GET') return tally(ctx, behaviour, bucket);
    if (ctx.method !== 'POST') return json(ctx, 405, {error: {message: 'POST here'}});
    const text = await readBody(ctx.req);
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const earlier = recorded.get(bucket) ?? [];
    recorded.set(bucket, [...earlier, {headers: ctx.headers, body, at: Date.now()}]);
    if (behaviour === 'hold' || (behaviour === 'hold-first' && earlier.length === 0)) {
      await new Promise((resolve) => held.set(bucket, [...(held.get(bucket) ?? []), resolve]));
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
    if (behaviour === 'refuse-fields') {
      return json(ctx, 422, {error: {message: 'We could not use this email.', fields: {'supporter.email': 'This address bounces.'}}});
    }
    const sequence = /^seq-(.+)$/.exec(behaviour);
    if (sequence) {
      const steps = sequence[1].split('-');
      const [, code, retryAfter] = /^(\d{3})(?:ra(\d+))?$/.exec(steps[Math.min(earlier.length, steps.length - 1)]);
      if (retryAfter) ctx.set('Retry-After', retryAfter);
      return json(ctx, Number(code), Number(code) < 300 ? {ok: true} : {error: {message: `step ${earlier.length + 1}`}});
    }
    const status = /^status-(\d{3})$/.exec(behaviour);
    if (status) return json(ctx, Number(status[1]), {error: {message: `status ${status[1]} on purpose`}});
    return json(ctx, 201, {ok: true});
  };
}
