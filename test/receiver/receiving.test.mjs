// The receiver's HTTP contract, on SQLite and on PostgreSQL: every answer the widget can get.
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {toFormFields} from '../../dist/schema.js';
import {PARTNER, auth, eachDatabase, freshDatabase, getJson, postJson, receiverOn, submission} from './support.mjs';

await eachDatabase(async (kind, skip) => {
  describe(`receiving on ${kind}`, {skip}, () => {
    let database;
    let receiver;
    const lines = [];
    before(async () => {
      database = await freshDatabase(kind);
      receiver = await receiverOn(database, {log: (line) => lines.push(line)});
    });
    after(async () => {
      await receiver?.stop();
      await database?.drop();
    });

    const stored = async (id) => (await getJson(receiver.url('/admin/campaigns/root-causes-2021/submissions?limit=500'), auth())).body.filter((s) => s.id === id);

    it('answers 201 only once the submission is stored', async () => {
      const body = submission();
      const reply = await postJson(receiver.url('/submit'), body);
      assert.equal(reply.status, 201);
      assert.deepEqual(reply.body, {status: 'stored', id: body.id});
      const [row, ...more] = await stored(body.id);
      assert.equal(more.length, 0);
      assert.equal(row.message.body, body.message.body);
      assert.equal(row.supporter.email, body.supporter.email);
      assert.deepEqual(row.recommendations, [...body.recommendations].sort());
    });

    it('answers a retry of the same submission 200 and stores nothing new', async () => {
      const body = submission();
      assert.equal((await postJson(receiver.url('/submit'), body)).status, 201);
      const again = await postJson(receiver.url('/submit'), body);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, {status: 'duplicate', id: body.id});
      assert.equal((await stored(body.id)).length, 1);
    });

    it('refuses the same id with another body with 409 and keeps the first', async () => {
      const body = submission();
      await postJson(receiver.url('/submit'), body);
      const other = {...body, message: {...body.message, body: 'Otro texto'}};
      const reply = await postJson(receiver.url('/submit'), other);
      assert.equal(reply.status, 409);
      assert.match(reply.body.error.message, /identificador/);
      assert.equal((await stored(body.id))[0].message.body, body.message.body);
    });

    it('stores one row for concurrent copies of one submission', async () => {
      const body = submission();
      const replies = await Promise.all(Array.from({length: 12}, () => postJson(receiver.url('/submit'), body)));
      assert.deepEqual(replies.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      assert.equal((await stored(body.id)).length, 1);
    });

    it('takes endpoint-format="form" posts as the same submission, and a JSON retry of it as a duplicate', async () => {
      const body = submission();
      const response = await fetch(receiver.url('/submit'), {method: 'POST', body: toFormFields(body), headers: {Origin: PARTNER}});
      assert.equal(response.status, 201);
      assert.equal((await postJson(receiver.url('/submit'), body)).status, 200, 'the JSON copy hashes the same as the form copy');
    });

    it('answers 400 to a body that is not JSON', async () => {
      const response = await fetch(receiver.url('/submit'), {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{"version": 1,'});
      assert.equal(response.status, 400);
      assert.ok((await response.json()).error.message);
    });

    it('answers 415 to other content types', async () => {
      const response = await fetch(receiver.url('/submit'), {method: 'POST', headers: {'Content-Type': 'text/plain'}, body: JSON.stringify(submission())});
      assert.equal(response.status, 415);
      assert.match((await response.json()).error.message, /application\/json/);
    });

    it('answers 413 to a body over 64 KB', async () => {
      const body = submission({message: {body: 'x'.repeat(70 * 1024)}});
      assert.equal((await postJson(receiver.url('/submit'), body)).status, 413);
    });

    it('answers 422 naming each bad field, in the reader\'s language', async () => {
      const body = submission({supporter: {email: 'not-an-address'}, recommendations: []});
      const reply = await postJson(receiver.url('/submit'), body);
      assert.equal(reply.status, 422);
      assert.equal(reply.body.error.message, 'Parte de lo enviado no es válido.');
      assert.equal(reply.body.error.fields['supporter.email'], 'Este correo electrónico no es válido. Escríbalo así: nombre@ejemplo.org');
      assert.ok(reply.body.error.fields.recommendations);
      const english = await postJson(receiver.url('/submit'), {...body, locale: 'en'});
      assert.equal(english.body.error.fields['supporter.email'], 'This email address is not valid. Write it like this: name@example.org');
    });

    it('refuses a message body with a NUL or another control character but tab and line breaks with a 422, and stores one with those', async () => {
      for (const bad of ['Hola\u0000mundo', 'Hola\u0007mundo', 'Hola\u001bmundo']) {
        const reply = await postJson(receiver.url('/submit'), submission({message: {body: bad}}));
        assert.equal(reply.status, 422, JSON.stringify(bad));
        assert.ok(reply.body.error.fields['message.body'], JSON.stringify(reply.body));
      }
      const fine = submission({message: {body: 'Estimada:\r\n\tApoyo esto.\n\nAna'}});
      assert.equal((await postJson(receiver.url('/submit'), fine)).status, 201);
      assert.equal((await stored(fine.id))[0].message.body, fine.message.body);
    });

    it('refuses an unknown campaign with a 404 that names it', async () => {
      const reply = await postJson(receiver.url('/submit'), submission({campaign: 'someone-elses'}));
      assert.equal(reply.status, 404);
      assert.match(reply.body.error.message, /"someone-elses"/);
    });

    it('refuses a post from a page that is not a partner of the campaign', async () => {
      const body = submission();
      const reply = await postJson(receiver.url('/submit'), body, {Origin: 'https://elsewhere.example'});
      assert.equal(reply.status, 403);
      assert.equal((await stored(body.id)).length, 0);
    });

    it('refuses a message to anyone but the campaign\'s officials: never an open relay', async () => {
      const body = submission({message: {to: ['vicepresidenta Kamala Harris', 'Someone <victim@example.org>']}});
      const reply = await postJson(receiver.url('/submit'), body);
      assert.equal(reply.status, 422);
      assert.ok(reply.body.error.fields['message.to']);
      assert.equal((await stored(body.id)).length, 0);
      assert.equal((await postJson(receiver.url('/submit'), submission({locale: 'en', message: {to: ['  vice president KAMALA Harris ']}}))).status, 201, 'names match across languages, case and spacing');
    });

    it('answers 400 when the Idempotency-Key is not the submission\'s id', async () => {
      const reply = await postJson(receiver.url('/submit'), submission(), {'Idempotency-Key': 'something-else'});
      assert.equal(reply.status, 400);
    });

    it('allows exactly the partner origins in CORS, with Idempotency-Key', async () => {
      const preflight = await fetch(receiver.url('/submit'), {
        method: 'OPTIONS',
        headers: {Origin: PARTNER, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key'},
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), PARTNER);
      assert.match(preflight.headers.get('access-control-allow-headers'), /Idempotency-Key/);
      assert.match(preflight.headers.get('access-control-allow-headers'), /Content-Type/);
      const stranger = await fetch(receiver.url('/submit'), {method: 'OPTIONS', headers: {Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'POST'}});
      assert.deepEqual([...stranger.headers.keys()].filter((name) => name.startsWith('access-control-')), []);
      const posted = await postJson(receiver.url('/submit'), submission());
      assert.equal(posted.headers.get('access-control-allow-origin'), PARTNER);
    });

    it('logs one line a request and never an email address', async () => {
      const before = lines.length;
      const body = submission();
      await postJson(receiver.url('/submit'), body);
      await fetch(receiver.url(`/admin/supporters?email=${encodeURIComponent(body.supporter.email)}`), {method: 'DELETE', headers: auth()});
      await fetch(receiver.url('/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'));
      const added = lines.slice(before);
      assert.equal(added.length, 3);
      assert.match(added[0], /POST \/submit 201/);
      assert.match(added[1], /DELETE \/admin\/supporters 200/);
      assert.match(added[2], /GET \/confirm\/… 404/, 'a confirmation token is a key: not logged');
      assert.ok(lines.every((line) => !line.includes('@')), lines.find((line) => line.includes('@')));
    });

    it('logs a path with line breaks in it as one line, still encoded', async () => {
      const before = lines.length;
      await fetch(receiver.url('/x%0A2026-01-01T00:00:00.000Z%20DELETE%20/admin/supporters%20200'));
      await fetch(receiver.url('/y%0D%0Aforged'));
      const added = lines.slice(before);
      assert.equal(added.length, 2);
      for (const line of added) assert.doesNotMatch(line, /[\r\n]/);
      assert.match(added[0], / GET \/x%0A2026-01-01T00:00:00\.000Z%20DELETE%20\/admin\/supporters%20200 404 /);
      assert.match(added[1], / GET \/y%0D%0Aforged 404 /);
    });
  });

  describe(`organizer's side and counts on ${kind}`, {skip}, () => {
    let database;
    let receiver;
    let now = new Date('2026-06-01T12:00:00Z');
    before(async () => {
      database = await freshDatabase(kind);
      receiver = await receiverOn(database, {now: () => now, config: {rateLimits: {perIp: {max: 1000, perSeconds: 60}, perEmail: {max: 1000, perSeconds: 60}}}});
    });
    after(async () => {
      await receiver?.stop();
      await database?.drop();
    });

    it('counts per recommendation, ref, language and day, and holds suspected bots apart', async () => {
      await postJson(receiver.url('/submit'), submission({recommendations: ['tps'], source: {ref: 'radio'}}));
      await postJson(receiver.url('/submit'), submission({locale: 'en', message: {to: ['Vice President Kamala Harris'], locale: 'en'}, source: {ref: undefined}}));
      now = new Date('2026-06-02T08:00:00Z');
      await postJson(receiver.url('/submit'), submission({recommendations: ['rule-of-law', 'tps']}));
      const bot = await postJson(receiver.url('/submit'), submission({signals: {fillMs: 400, honeypot: false, restored: false}}));
      assert.equal(bot.status, 201, 'a held submission is answered like any other');
      const honeypot = await postJson(receiver.url('/submit'), submission({signals: {fillMs: 9000, honeypot: true, restored: false}}));
      assert.equal(honeypot.status, 201);
      const restored = await postJson(receiver.url('/submit'), submission({recommendations: ['tps'], signals: {fillMs: 400, honeypot: false, restored: true}}));
      assert.equal(restored.status, 201);

      const stats = await getJson(receiver.url('/admin/campaigns/root-causes-2021/stats'), auth());
      assert.equal(stats.status, 200);
      assert.deepEqual(stats.body, {
        total: 4,
        held: 2,
        recommendations: {'economic-policy': 1, 'rule-of-law': 1, tps: 4},
        refs: {'': 1, newsletter: 2, radio: 1},
        locales: {en: 1, es: 3},
        days: {'2026-06-01': 2, '2026-06-02': 2},
        // No smtp in this config: the accepted ones wait for a worker; held ones have no delivery yet.
        deliveries: {'vp@officials.example': {name: 'Vice President Kamala Harris', delivered: 0, waiting: 4, retrying: 0, failed: 0, unconfirmed: 0, expired: 0}},
      });
      const held = await getJson(receiver.url('/admin/campaigns/root-causes-2021/submissions?status=held'), auth());
      assert.deepEqual(held.body.map((s) => s.reviewReason).sort(), ['sent 400 ms after the widget appeared', 'the hidden field was filled in']);
    });

    it('serves a public tally with counts only', async () => {
      const tally = await getJson(receiver.url('/campaigns/root-causes-2021/tally'));
      assert.equal(tally.status, 200);
      assert.deepEqual(tally.body, {total: 4, recommendations: {'economic-policy': 1, 'rule-of-law': 1, tps: 4}});
      assert.equal(tally.headers.get('access-control-allow-origin'), '*');
      assert.match(tally.headers.get('cache-control'), /public, max-age=\d+/);
      assert.equal((await getJson(receiver.url('/campaigns/nope/tally'))).status, 404);
    });

    it('releases a held submission when the organizer accepts it', async () => {
      const [first] = (await getJson(receiver.url('/admin/campaigns/root-causes-2021/submissions?status=held'), auth())).body;
      const accepted = await fetch(receiver.url(`/admin/submissions/${first.id}/accept`), {method: 'POST', headers: auth()});
      assert.equal(accepted.status, 200);
      assert.equal((await getJson(receiver.url('/admin/campaigns/root-causes-2021/stats'), auth())).body.held, 1);
      await fetch(receiver.url(`/admin/submissions/${first.id}/accept`), {method: 'POST', headers: auth()});
      assert.equal((await getJson(receiver.url('/admin/campaigns/root-causes-2021/stats'), auth())).body.total, 5, 'accepting twice counts once');
    });

    it('refuses to accept a held submission whose supporter was erased', async () => {
      const body = submission({signals: {fillMs: 400, honeypot: false, restored: false}});
      assert.equal((await postJson(receiver.url('/submit'), body)).status, 201);
      const stats = async () => (await getJson(receiver.url('/admin/campaigns/root-causes-2021/stats'), auth())).body;
      const before = await stats();
      await fetch(receiver.url(`/admin/supporters?email=${encodeURIComponent(body.supporter.email)}`), {method: 'DELETE', headers: auth()});
      const accepted = await fetch(receiver.url(`/admin/submissions/${body.id}/accept`), {method: 'POST', headers: auth()});
      assert.equal(accepted.status, 410);
      assert.match((await accepted.json()).error.message, /removed/);
      assert.equal((await stats()).total, before.total, 'not counted');
      const made = await receiver.database.db.selectFrom('deliveries').select('submission_id').where('submission_id', '=', body.id).execute();
      assert.equal(made.length, 0, 'no delivery made');
    });

    it('refuses to erase by an address with a space (an unencoded +) or by something that is not an address', async () => {
      const body = submission({supporter: {email: 'maria+casa@example.org'}});
      await postJson(receiver.url('/submit'), body);
      const erase = (query) => fetch(receiver.url(`/admin/supporters?${query}`), {method: 'DELETE', headers: auth()});
      const plus = await erase('email=maria+casa@example.org');
      assert.equal(plus.status, 400);
      assert.match((await plus.json()).error.message, /%2B/);
      assert.equal((await erase('email=not-an-address@')).status, 400);
      const [row] = (await getJson(receiver.url('/admin/campaigns/root-causes-2021/submissions?limit=500'), auth())).body.filter((s) => s.id === body.id);
      assert.equal(row.supporter.email, 'maria+casa@example.org', 'nothing erased by a refused request');
      const encoded = await erase('email=maria%2Bcasa%40example.org');
      assert.deepEqual(await encoded.json(), {erased: 1});
    });

    it('refuses the organizer\'s side without the right token', async () => {
      for (const headers of [{}, auth('wrong'), {Authorization: 'organizer-token'}]) {
        for (const path of ['/admin/campaigns/root-causes-2021/stats', '/admin/campaigns/root-causes-2021/submissions', '/admin/campaigns/root-causes-2021/submissions.csv']) {
          const response = await fetch(receiver.url(path), {headers});
          assert.equal(response.status, 401, `${path} with ${JSON.stringify(headers)}`);
          assert.doesNotMatch(await response.text(), /@example\.org/);
        }
      }
      assert.equal((await fetch(receiver.url('/admin/supporters?email=a@b.example'), {method: 'DELETE'})).status, 401);
    });

    it('exports CSV that spreadsheets read as text', async () => {
      const sneaky = submission({
        supporter: {name: '=HYPERLINK("http://evil.example","click")', postalCode: '+1 202', email: 'sneaky@example.org'},
        message: {subject: '@SUM(1,2)', body: '-2+3\nsecond line, with "quotes"'},
      });
      await postJson(receiver.url('/submit'), sneaky);
      const response = await fetch(receiver.url('/admin/campaigns/root-causes-2021/submissions.csv'), {headers: auth()});
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^text\/csv/);
      const text = await response.text();
      const line = text.split('\r\n').find((l) => l.startsWith(sneaky.id));
      assert.ok(line.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), line);
      assert.ok(line.includes(`,'+1 202,`), line);
      assert.ok(line.includes(`,'@SUM(1,2),`) || line.includes(`,"'@SUM(1,2)",`), line);
      assert.ok(text.includes(`"'-2+3\nsecond line, with ""quotes"""`));
      for (const cell of text.split(/,|\r\n/)) assert.doesNotMatch(cell, /^[=+@]/, cell);
    });

    it('erases a supporter\'s personal data and keeps the counts', async () => {
      const body = submission({supporter: {email: 'Erase.Me@Example.org', name: 'Borrar Me'}, recommendations: ['tps']});
      await postJson(receiver.url('/submit'), body);
      const counts = async () => {
        const {deliveries, ...rest} = (await getJson(receiver.url('/admin/campaigns/root-causes-2021/stats'), auth())).body;
        return rest;
      };
      const before = await counts();
      const erased = await fetch(receiver.url('/admin/supporters?email=erase.me@example.org'), {method: 'DELETE', headers: auth()});
      assert.deepEqual(await erased.json(), {erased: 1});
      const [row] = (await getJson(receiver.url('/admin/campaigns/root-causes-2021/submissions?limit=500'), auth())).body.filter((s) => s.id === body.id);
      assert.deepEqual(row.supporter, {name: null, email: null, postalCode: null});
      assert.equal(row.message.body, null);
      assert.equal(row.sourceUrl, null);
      assert.equal(row.personalRemoved, 'erased');
      const csv = await (await fetch(receiver.url('/admin/campaigns/root-causes-2021/submissions.csv'), {headers: auth()})).text();
      assert.doesNotMatch(csv, /Borrar Me|erase\.me/i);
      assert.deepEqual(await counts(), before);
      assert.equal((await postJson(receiver.url('/submit'), body)).status, 200, 'a late retry of an erased submission stores nothing again');
    });

    it('scrubs personal data past the retention period by itself', async () => {
      const old = submission();
      await postJson(receiver.url('/submit'), old);
      now = new Date(now.getTime() + 91 * 86_400_000);
      const fresh = submission();
      await postJson(receiver.url('/submit'), fresh);
      const {scrubbed} = await receiver.maintain();
      assert.ok(scrubbed >= 1);
      const rows = (await getJson(receiver.url('/admin/campaigns/root-causes-2021/submissions?limit=500'), auth())).body;
      assert.equal(rows.find((s) => s.id === old.id).personalRemoved, 'retention');
      assert.equal(rows.find((s) => s.id === old.id).supporter.email, null);
      assert.equal(rows.find((s) => s.id === fresh.id).supporter.email, fresh.supporter.email);
    });
  });

  describe(`rate limits on ${kind}`, {skip}, () => {
    let database;
    let receiver;
    before(async () => {
      database = await freshDatabase(kind);
      receiver = await receiverOn(database, {config: {rateLimits: {perIp: {max: 4, perSeconds: 3600}, perEmail: {max: 1, perSeconds: 86_400}}}});
    });
    after(async () => {
      await receiver?.stop();
      await database?.drop();
    });

    it('limits one email address per campaign, and then one client address, with Retry-After', async () => {
      const first = submission({supporter: {email: 'same@example.org'}});
      assert.equal((await postJson(receiver.url('/submit'), first)).status, 201);
      assert.equal((await postJson(receiver.url('/submit'), first)).status, 200, 'a retry is not counted again');
      const second = await postJson(receiver.url('/submit'), submission({supporter: {email: 'SAME@example.org'}}));
      assert.equal(second.status, 429);
      const wait = Number(second.headers.get('retry-after'));
      assert.ok(wait > 0 && wait <= 86_400, `Retry-After ${wait}`);
      assert.match(second.body.error.message, /Vuelva a intentarlo/);
      // The refused one was rolled back, counters included: three more fit in the address's four.
      for (let i = 0; i < 3; i += 1) assert.equal((await postJson(receiver.url('/submit'), submission())).status, 201);
      const fifth = await postJson(receiver.url('/submit'), submission());
      assert.equal(fifth.status, 429, 'the fifth stored from one address in an hour');
      assert.ok(Number(fifth.headers.get('retry-after')) <= 3600);
      const {total} = (await getJson(receiver.url('/admin/campaigns/root-causes-2021/stats'), auth())).body;
      assert.equal(total, 4, 'nothing refused was stored');
    });
  });
});

describe('SQLite writes committed together', () => {
  it('roll back and refuse a failing write alone; the others in its batch commit', async () => {
    const database = await freshDatabase('sqlite');
    const receiver = await receiverOn(database);
    try {
      const row = (key) => ({key, window: 1, count: 1, expires_at: '2100-01-01T00:00:00.000Z'});
      const results = await Promise.allSettled([
        receiver.database.write((tx) => tx.insertInto('rate_limits').values(row('first')).execute()),
        receiver.database.write(async (tx) => {
          await tx.insertInto('rate_limits').values(row('doomed')).execute();
          throw new Error('this job fails after writing');
        }),
        receiver.database.write((tx) => tx.insertInto('rate_limits').values(row('third')).execute()),
      ]);
      assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
      const keys = (await receiver.database.db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key).sort();
      assert.deepEqual(keys, ['first', 'third']);
    } finally {
      await receiver.stop();
      await database.drop();
    }
  });
});

describe('the SQLite file', () => {
  it('is made readable by its owner only, in a folder of the owner\'s alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'civic-private-'));
    const path = join(dir, 'data', 'civic-action.sqlite');
    const receiver = await receiverOn({url: `sqlite:${path}`});
    try {
      assert.equal((await postJson(receiver.url('/submit'), submission())).status, 201);
      assert.equal(statSync(join(dir, 'data')).mode & 0o777, 0o700);
      for (const file of [path, `${path}-wal`, `${path}-shm`]) assert.equal(statSync(file).mode & 0o777, 0o600, file);
    } finally {
      await receiver.stop();
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it('keeps no trace of an erased supporter, in the file or its write-ahead log', async () => {
    const database = await freshDatabase('sqlite');
    const receiver = await receiverOn(database);
    try {
      const body = submission({supporter: {name: 'Maria Casa Rastro', email: 'maria.rastro@example.org'}, message: {body: 'Un mensaje muy personal de Maria'}});
      assert.equal((await postJson(receiver.url('/submit'), body)).status, 201);
      // Into the file itself first, as a checkpoint would have put it by the time of an erasure.
      await receiver.database.flushRemoved();
      const erased = await fetch(receiver.url('/admin/supporters?email=maria.rastro@example.org'), {method: 'DELETE', headers: auth()});
      assert.deepEqual(await erased.json(), {erased: 1});
      for (const file of [database.path, `${database.path}-wal`].filter(existsSync)) {
        const bytes = readFileSync(file).toString('latin1');
        assert.ok(!bytes.includes('maria.rastro') && !bytes.includes('Maria Casa Rastro') && !bytes.includes('muy personal'), `${file} still holds the erased data`);
      }
    } finally {
      await receiver.stop();
      await database.drop();
    }
  });
});

describe('the organizer\'s side without a token', () => {
  it('does not exist', async () => {
    const database = await freshDatabase('sqlite');
    const receiver = await receiverOn(database, {adminToken: null});
    try {
      assert.equal((await fetch(receiver.url('/admin/campaigns/root-causes-2021/stats'), {headers: auth()})).status, 404);
      assert.equal((await fetch(receiver.url('/admin/'))).status, 404);
    } finally {
      await receiver.stop();
      await database.drop();
    }
  });
});
