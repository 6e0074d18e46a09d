/**
 * A real HTTP endpoint for the tests, served by the test runner itself.
 *
 *   POST /endpoint/<behaviour>/<bucket>  records the request, then answers as <behaviour> says:
 *        ok         201 with a JSON body
 *        status-NNN that status with a JSON error body
 *        hold       waits until /endpoint/release/<bucket> is requested, then 201
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

export function recordingEndpoint() {
  return async (ctx, next) => {
    const match = /^\/endpoint\/([a-z0-9-]+)\/([\w-]+)$/.exec(ctx.path);
    if (!match) return next();
    const [, behaviour, bucket] = match;
    if (behaviour === 'recorded') return json(ctx, 200, recorded.get(bucket) ?? []);
    if (behaviour === 'release') {
      for (const release of held.get(bucket) ?? []) release();
      held.delete(bucket);
      return json(ctx, 200, {released: true});
    }
    if (ctx.method !== 'POST') return json(ctx, 405, {error: {message: 'POST here'}});
    const text = await readBody(ctx.req);
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const entry = {headers: ctx.headers, body};
    recorded.set(bucket, [...(recorded.get(bucket) ?? []), entry]);
    if (behaviour === 'hold') {
      await new Promise((resolve) => held.set(bucket, [...(held.get(bucket) ?? []), resolve]));
      return json(ctx, 201, {ok: true});
    }
    const status = /^status-(\d{3})$/.exec(behaviour);
    if (status) return json(ctx, Number(status[1]), {error: {message: `status ${status[1]} on purpose`}});
    return json(ctx, 201, {ok: true});
  };
}
