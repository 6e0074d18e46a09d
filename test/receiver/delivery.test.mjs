// Delivery to officials through a real SMTP server on loopback, on SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import {generateKeyPairSync} from 'node:crypto';
import {tmpdir} from 'node:os';
import {after, before, describe, it} from 'node:test';
import {parseConfig, startWorker} from '../../dist/receiver/index.js';
import {auth, campaignConfig, configFor, eachDatabase, freshDatabase, getJson, postJson, receiverOn, smtpSink, submission, until} from './support.mjs';

const SENDER = {name: 'Casa Comunitaria', address: 'actions@casa.example'};
const OFFICIALS = [
  {name: {en: 'Vice President Kamala Harris', es: 'vicepresidenta Kamala Harris'}, email: 'vp@officials.example'},
  {name: 'Office of Policy', email: 'policy@officials.example'},
];
const SUBJECT = 'Trabajar con la sociedad civil para abordar las causas fundamentales de la migración';

/** A receiver that delivers to `sink`, with the clock in the test's hands. */
async function deliveringReceiver(database, sink, {delivery = {}, clock, top = {}} = {}) {
  return receiverOn(database, {
    now: () => clock.now,
    worker: {retryBaseMs: 1000, pollMs: 50},
    config: {
      smtp: {url: sink.url, timeoutSeconds: 5},
      sender: SENDER,
      publicUrl: 'https://actions.casa.example',
      rateLimits: {perIp: {max: 100_000, perSeconds: 60}, perEmail: {max: 100_000, perSeconds: 60}},
      campaigns: [campaignConfig({recipients: OFFICIALS, delivery: {listUnsubscribe: 'mailto:unsubscribe@casa.example', ...delivery}})],
      ...top,
    },
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The button on the confirmation link's page, pressed in a browser showing that page. */
const confirm = (receiver, token, origin = 'https://actions.casa.example') =>
  fetch(receiver.url(`/confirm/${token}`), {method: 'POST', headers: {Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded'}, body: ''});

const header = (message, name) => message.parsed.headers.get(name);
const deliveries = async (receiver) => (await getJson(receiver.url('/admin/campaigns/root-causes-2021/deliveries'), auth())).body;

await eachDatabase(async (kind, skip) => {
  describe(`delivery on ${kind}`, {skip}, () => {
    const cleanups = [];
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });
    async function setUp(options = {}) {
      const sink = await smtpSink(options.sink);
      const database = await freshDatabase(kind);
      const clock = {now: new Date('2026-06-01T12:00:00Z')};
      const receiver = await deliveringReceiver(database, sink, {...options, clock});
      cleanups.push(() => sink.close(), () => database.drop(), () => receiver.stop());
      return {sink, receiver, clock, database};
    }

    it('sends one email per submission and official, from the organization, replying to the supporter', async () => {
      const {privateKey} = generateKeyPairSync('rsa', {modulusLength: 1024, privateKeyEncoding: {type: 'pkcs8', format: 'pem'}, publicKeyEncoding: {type: 'spki', format: 'pem'}});
      const {sink, receiver} = await setUp({top: {dkim: {domainName: 'casa.example', keySelector: 'civic', privateKey}}});
      const body = submission({message: {subject: SUBJECT, body: 'Estimada vicepresidenta Harris:\n\nApoyo la protección de los niños y niñas migrantes.\n\nAtentamente,\nAna Pérez'}});
      assert.equal((await postJson(receiver.url('/submit'), body)).status, 201);
      await until(() => sink.messages.length === 2, 'two emails');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(sink.messages.length, 2, 'no more than one email per official');
      assert.deepEqual(sink.messages.map((m) => m.rcptTo[0]).sort(), ['policy@officials.example', 'vp@officials.example']);
      for (const message of sink.messages) {
        assert.deepEqual(message.parsed.from.value, [{name: 'Ana Pérez via Casa Comunitaria', address: 'actions@casa.example'}]);
        assert.deepEqual(message.parsed.replyTo.value, [{name: 'Ana Pérez', address: body.supporter.email}]);
        assert.equal(message.envelope.mailFrom.address, 'actions@casa.example');
        assert.equal(message.parsed.subject, SUBJECT);
        assert.equal(message.parsed.text.trim(), body.message.body);
        assert.match(message.raw, /^Subject: =\?UTF-8\?/m, 'the subject is encoded, not raw 8-bit');
        assert.match(message.parsed.messageId, /^<[0-9a-f]{32}@casa\.example>$/);
        assert.match(message.raw, /^List-Unsubscribe: <mailto:unsubscribe@casa\.example>$/m);
        assert.equal(header(message, 'content-language'), 'es');
        assert.match(message.raw.replace(/\r\n\s+/g, ' '), /^DKIM-Signature: v=1; a=rsa-sha256; .*d=casa\.example; .*s=civic; .*h=from:reply-to:subject/m);
      }
      assert.notEqual(sink.messages[0].parsed.messageId, sink.messages[1].parsed.messageId);
      const vp = sink.messages.find((m) => m.rcptTo[0] === 'vp@officials.example');
      assert.deepEqual(vp.parsed.to.value, [{name: 'vicepresidenta Kamala Harris', address: 'vp@officials.example'}]);
      await until(async () => (await deliveries(receiver)).officials['vp@officials.example']?.delivered === 1, 'marked delivered');
      assert.equal((await postJson(receiver.url('/submit'), body)).status, 200);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(sink.messages.length, 2, 'a retried submission is not delivered again');
    });

    it('retries temporary SMTP failures and stops at permanent ones, showing the server\'s answer; an organizer can resend', async () => {
      let refuse = {code: 451, text: '4.7.1 Greylisted, try again later'};
      const {sink, receiver, clock} = await setUp({sink: {answer: () => refuse}});
      await postJson(receiver.url('/submit'), submission());
      // Both officials' first attempts marked, not only the VP's: the clock below only jumps once,
      // and an attempt marked after the jump would be due ten minutes past a clock that stays put.
      await until(async () => Object.values((await deliveries(receiver)).officials).filter((o) => o.retrying === 1).length === OFFICIALS.length, 'retrying');
      const [troubled] = (await deliveries(receiver)).troubled.filter((e) => e.to_address === 'vp@officials.example');
      assert.match(troubled.last_error, /Greylisted/);
      refuse = null;
      clock.now = new Date(clock.now.getTime() + 10 * 60_000);
      await until(() => sink.messages.length === 2, 'delivered after the wait');
      await until(async () => (await deliveries(receiver)).officials['vp@officials.example']?.delivered === 1, 'marked delivered');

      refuse = {code: 550, text: '5.1.1 Mailbox unavailable'};
      await postJson(receiver.url('/submit'), submission());
      await until(async () => (await deliveries(receiver)).officials['vp@officials.example']?.failed === 1, 'failed');
      const failed = (await deliveries(receiver)).troubled.find((e) => e.status === 'failed' && e.to_address === 'vp@officials.example');
      assert.match(failed.last_error, /5\.1\.1 Mailbox unavailable/);
      assert.equal(failed.attempts, 1, 'a permanent failure is not retried');
      const stats = (await getJson(receiver.url('/admin/campaigns/root-causes-2021/stats'), auth())).body;
      assert.equal(stats.deliveries['vp@officials.example'].failed, 1);

      refuse = null;
      const resend = await fetch(receiver.url(`/admin/emails/${failed.id}/retry`), {method: 'POST', headers: auth()});
      assert.equal(resend.status, 200);
      await until(async () => (await deliveries(receiver)).officials['vp@officials.example']?.delivered === 2, 'resent by hand');
      assert.equal((await fetch(receiver.url(`/admin/emails/${failed.id}/retry`), {method: 'POST', headers: auth()})).status, 404, 'only failed emails are resent');
    });

    it('gives up on temporary failures after the configured time', async () => {
      const {receiver, clock} = await setUp({sink: {answer: () => ({code: 421, text: '4.3.2 Service shutting down'})}, top: {delivery: {retryForHours: 1}}});
      await postJson(receiver.url('/submit'), submission());
      await until(async () => (await deliveries(receiver)).officials['vp@officials.example']?.retrying === 1, 'retrying');
      clock.now = new Date(clock.now.getTime() + 2 * 3_600_000);
      await until(async () => (await deliveries(receiver)).officials['vp@officials.example']?.failed === 1, 'gave up');
      const failed = (await deliveries(receiver)).troubled.find((e) => e.to_address === 'vp@officials.example');
      assert.match(failed.last_error, /^gave up after \d+ attempts: .*4\.3\.2/);
    });

    it('keeps to a daily cap per official address, and sends the rest the next day', async () => {
      const {sink, receiver, clock} = await setUp({delivery: {dailyCapPerOfficial: 2}});
      for (let i = 0; i < 3; i += 1) await postJson(receiver.url('/submit'), submission());
      await until(() => sink.messages.filter((m) => m.rcptTo[0] === 'vp@officials.example').length === 2, 'two today');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(sink.messages.filter((m) => m.rcptTo[0] === 'vp@officials.example').length, 2, 'the third waits');
      clock.now = new Date('2026-06-02T00:00:01Z');
      await until(() => sink.messages.filter((m) => m.rcptTo[0] === 'vp@officials.example').length === 3, 'the third, next day');
    });

    it('sends one digest per official per period, with counts, a sample and a CSV of constituents', async () => {
      const {sink, receiver, clock} = await setUp({delivery: {mode: 'digest', digestEveryHours: 24, digestSample: 2}});
      await postJson(receiver.url('/submit'), submission({recommendations: ['tps']}));
      await postJson(receiver.url('/submit'), submission({supporter: {name: '=cmd|calc'}}));
      await postJson(receiver.url('/submit'), submission({locale: 'en', message: {to: ['Vice President Kamala Harris'], locale: 'en'}}));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(sink.messages.length, 0, 'nothing before the period is over');
      clock.now = new Date(clock.now.getTime() + 25 * 3_600_000);
      await until(() => sink.messages.length === 2, 'one digest per official');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(sink.messages.length, 2);
      const digest = sink.messages.find((m) => m.rcptTo[0] === 'vp@officials.example');
      assert.equal(digest.parsed.subject, '3 constituent messages: root-causes-2021');
      assert.match(digest.parsed.text, /3 people wrote to you through Casa Comunitaria/);
      assert.match(digest.parsed.text, /^ {2}3 {2}tps$/m);
      assert.match(digest.parsed.text, /^ {2}2 {2}economic-policy$/m);
      assert.match(digest.parsed.text, /2 of their messages, in full/);
      const [csv] = digest.parsed.attachments;
      assert.equal(csv.filename, 'root-causes-2021-constituents.csv');
      const rows = csv.content.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
      assert.equal(rows.length, 4);
      assert.ok(rows.some((row) => row.startsWith("'=cmd|calc,")), 'formula-safe');
      assert.equal((await deliveries(receiver)).officials['vp@officials.example'].delivered, 3, 'each message counts as delivered');
    });

    it('asks the supporter to confirm first, in their language, then delivers; links used twice, expired, and one reminder', async () => {
      const {sink, receiver, clock} = await setUp({delivery: {confirm: true}});
      const body = submission();
      const reply = await postJson(receiver.url('/submit'), body);
      assert.equal(reply.status, 201);
      assert.deepEqual(reply.body, {status: 'confirm', id: body.id});
      assert.equal((await postJson(receiver.url('/submit'), body)).body.status, 'confirm', 'a retry is told the same');
      await until(() => sink.messages.length === 1, 'the confirmation email');
      const confirmation = sink.messages[0];
      assert.equal(confirmation.rcptTo[0], body.supporter.email);
      assert.equal(confirmation.parsed.subject, 'Confirme su mensaje');
      assert.match(confirmation.parsed.text, /Va dirigido a: vicepresidenta Kamala Harris y Office of Policy\./);
      const link = /https:\/\/actions\.casa\.example\/confirm\/([A-Za-z0-9_-]+)/.exec(confirmation.parsed.text);
      assert.ok(link, confirmation.parsed.text);
      assert.equal((await deliveries(receiver)).officials['vp@officials.example'].unconfirmed, 1);

      const page = await confirm(receiver, link[1]);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<html lang="es">.*Gracias: su mensaje quedó confirmado/s);
      await until(() => sink.messages.length === 3, 'the two officials\' emails');
      const again = await confirm(receiver, link[1]);
      assert.equal(again.status, 200);
      assert.match(await again.text(), /ya estaba confirmado/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(sink.messages.length, 3, 'confirming twice sends nothing more');
      assert.equal((await confirm(receiver, 'not-a-real-token-at-all-123')).status, 404);

      const late = submission({locale: 'en', message: {to: ['Vice President Kamala Harris'], locale: 'en'}});
      await postJson(receiver.url('/submit'), late);
      await until(() => sink.messages.length === 4, 'the second confirmation');
      const lateLink = /confirm\/([A-Za-z0-9_-]+)/.exec(sink.messages[3].parsed.text)[1];
      clock.now = new Date(clock.now.getTime() + 25 * 3_600_000);
      await until(() => sink.messages.length === 5, 'one reminder after a day');
      assert.equal(sink.messages[4].parsed.subject, 'Reminder: confirm your message');
      assert.match(sink.messages[4].parsed.text, new RegExp(lateLink));
      clock.now = new Date(clock.now.getTime() + 7 * 24 * 3_600_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(sink.messages.length, 5, 'no second reminder');
      const expired = await confirm(receiver, lateLink);
      assert.equal(expired.status, 410);
      assert.match(await expired.text(), /This link has expired/);
      await until(async () => (await deliveries(receiver)).officials['vp@officials.example'].expired === 1, 'expired');
    });

    it('names the official in To in the message\'s language, and in English to organizers', async () => {
      const {sink, receiver} = await setUp();
      const messages = [
        submission({locale: 'en', message: {to: ['Vice President Kamala Harris'], subject: 'English', locale: 'en'}}),
        submission({message: {subject: 'Español', locale: 'es'}}),
        submission({message: {subject: 'Mexicano', locale: 'es-MX'}}),
        submission({locale: 'fr', message: {to: ['Vice President Kamala Harris'], subject: 'Français', locale: 'fr'}}),
      ];
      for (const body of messages) assert.equal((await postJson(receiver.url('/submit'), body)).status, 201);
      await until(() => sink.messages.filter((m) => m.rcptTo[0] === 'vp@officials.example').length === 4, 'four emails to the vice president');
      const to = Object.fromEntries(sink.messages.filter((m) => m.rcptTo[0] === 'vp@officials.example').map((m) => [m.parsed.subject, m.parsed.to.value[0].name]));
      assert.deepEqual(to, {English: 'Vice President Kamala Harris', Español: 'vicepresidenta Kamala Harris', Mexicano: 'vicepresidenta Kamala Harris', Français: 'Vice President Kamala Harris'});
      assert.equal((await deliveries(receiver)).officials['vp@officials.example'].name, 'Vice President Kamala Harris');
    });

    it('confirms only when the supporter presses the button on the link\'s page: opening the link, HEAD, or a post from another site changes nothing', async () => {
      const {sink, receiver} = await setUp({delivery: {confirm: true}});
      await postJson(receiver.url('/submit'), submission());
      await until(() => sink.messages.length === 1, 'the confirmation email');
      const token = /confirm\/([A-Za-z0-9_-]+)/.exec(sink.messages[0].parsed.text)[1];

      const opened = await fetch(receiver.url(`/confirm/${token}`));
      assert.equal(opened.status, 200);
      const html = await opened.text();
      assert.match(html, /<html lang="es">.*¿Enviamos su mensaje\?.*<form method="post" action=""><button type="submit">Confirmar y enviar mi mensaje<\/button><\/form>/s);
      assert.match(opened.headers.get('Content-Security-Policy'), /form-action 'self'/, 'the button may post back here, and nowhere else');
      assert.equal(opened.headers.get('Referrer-Policy'), 'same-origin', 'the post carries the page\'s origin, not "null"');
      assert.equal((await fetch(receiver.url(`/confirm/${token}`), {method: 'HEAD'})).status, 200);
      const elsewhere = await confirm(receiver, token, 'https://attacker.example');
      assert.equal(elsewhere.status, 403);
      assert.match(await elsewhere.text(), /todavía no está confirmado/);
      await sleep(300);
      assert.equal(sink.messages.length, 1, 'no official was written to');
      assert.equal((await deliveries(receiver)).officials['vp@officials.example'].unconfirmed, 1, 'still unconfirmed');

      assert.equal((await confirm(receiver, token)).status, 200);
      await until(() => sink.messages.length === 3, 'the officials\' emails once the button was pressed');
      const later = await fetch(receiver.url(`/confirm/${token}`));
      assert.match(await later.text(), /ya estaba confirmado/);
      assert.doesNotMatch(later.headers.get('Content-Security-Policy'), /form-action 'self'/, 'no button once confirmed');
    });

    it('sends nothing more for supporters once their erasure has answered, and records as sent only what was', {timeout: 30_000}, async () => {
      // A slow mail server: each message is answered a second after its data arrived.
      const arrivals = [];
      const {sink, receiver} = await setUp({
        sink: {
          onMessage: async () => {
            arrivals.push(Date.now());
            await sleep(1000);
          },
        },
      });
      const bodies = Array.from({length: 6}, () => submission());
      await postJson(receiver.url('/submit'), bodies[0]);
      await until(() => arrivals.length >= 1, 'the first round in flight');
      // The rest are stored together while the first round waits: the next round finds all ten.
      for (const body of bodies.slice(1)) await postJson(receiver.url('/submit'), body);
      await until(() => arrivals.length >= 3, 'the second round in flight');
      for (const body of bodies) {
        const reply = await fetch(receiver.url(`/admin/supporters?email=${encodeURIComponent(body.supporter.email)}`), {method: 'DELETE', headers: auth()});
        assert.deepEqual(await reply.json(), {erased: 1});
      }
      const erasedAt = Date.now();
      await sleep(2500);
      const late = arrivals.filter((at) => at > erasedAt + 200);
      assert.equal(late.length, 0, `${late.length} message(s) reached the mail server after the erasure answered`);
      const emails = await receiver.database.db.selectFrom('emails').select(['status', 'last_error']).execute();
      assert.equal(emails.length, 12);
      assert.equal(emails.filter((e) => e.status === 'sent').length, sink.messages.length, 'sent in the database is what the server accepted');
      for (const email of emails.filter((e) => e.status !== 'sent')) {
        assert.equal(email.status, 'failed');
        assert.match(email.last_error, /^withdrawn/);
      }
    });

    it('delivers each email once with two workers and a mail server slower than the pool, without any crash', {timeout: 60_000}, async () => {
      // 1.8 s an email, 4 at a time: 20 emails claimed at once by one worker would wait longer
      // than the 6 s lease, and the other worker would take the last ones again.
      const sink = await smtpSink({onMessage: () => sleep(1800)});
      const database = await freshDatabase(kind);
      const raw = configFor(database.url, {
        smtp: {url: sink.url, timeoutSeconds: 2},
        sender: SENDER,
        rateLimits: {perIp: {max: 100_000, perSeconds: 60}, perEmail: {max: 100_000, perSeconds: 60}},
        delivery: {worker: 'separate', leaseSeconds: 6},
        campaigns: [campaignConfig({recipients: OFFICIALS})],
      });
      const receiver = await receiverOn(database, {config: raw});
      cleanups.push(() => sink.close(), () => database.drop(), () => receiver.stop());
      for (let i = 0; i < 10; i += 1) assert.equal((await postJson(receiver.url('/submit'), submission())).status, 201);
      const config = parseConfig(raw, {baseDir: tmpdir()});
      const workers = [await startWorker({config, log: () => {}, worker: {pollMs: 50}}), await startWorker({config, log: () => {}, worker: {pollMs: 50}})];
      cleanups.push(async () => {
        for (const worker of workers) await worker.stop();
      });
      await until(() => sink.messages.length >= 20, 'twenty emails', 40_000);
      await sleep(3000);
      const ids = sink.messages.map((m) => m.parsed.messageId);
      assert.equal(new Set(ids).size, 20);
      assert.equal(ids.length, 20, `${ids.length - 20} email(s) delivered twice`);
    });

    it('keeps no supporter address in the email queue after erasure or retention, nor shows one to organizers', async () => {
      // The supporters' mail server refuses, naming them, as real ones do.
      const {receiver, clock} = await setUp({
        delivery: {confirm: true},
        sink: {answer: (message) => (message.rcptTo[0].endsWith('@example.org') ? {code: 550, text: `5.1.1 <${message.rcptTo[0]}>: Recipient address rejected`} : null)},
      });
      const erased = submission({supporter: {email: 'lucia@example.org'}});
      const old = submission({supporter: {email: 'tomas@example.org'}});
      await postJson(receiver.url('/submit'), erased);
      await postJson(receiver.url('/submit'), old);
      const shown = async () => JSON.stringify(await deliveries(receiver));
      await until(async () => (await shown()).includes('lucia@example.org') && (await shown()).includes('tomas@example.org'), 'both confirmations failed');
      await fetch(receiver.url('/admin/supporters?email=lucia@example.org'), {method: 'DELETE', headers: auth()});
      clock.now = new Date(clock.now.getTime() + 91 * 86_400_000);
      assert.ok((await receiver.maintain()).scrubbed >= 1);
      assert.doesNotMatch(await shown(), /lucia|tomas/);
      const emails = JSON.stringify(await receiver.database.db.selectFrom('emails').selectAll().execute());
      assert.doesNotMatch(emails, /lucia|tomas/);
    });

    it('withdraws what is still waiting when a supporter is erased', async () => {
      const {sink, receiver} = await setUp({delivery: {confirm: true}});
      const body = submission();
      await postJson(receiver.url('/submit'), body);
      await until(() => sink.messages.length === 1, 'the confirmation');
      const link = /confirm\/([A-Za-z0-9_-]+)/.exec(sink.messages[0].parsed.text)[1];
      await fetch(receiver.url(`/admin/supporters?email=${encodeURIComponent(body.supporter.email)}`), {method: 'DELETE', headers: auth()});
      assert.equal((await fetch(receiver.url(`/confirm/${link}`))).status, 404, 'the link goes with the data');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(sink.messages.length, 1);
      assert.equal((await deliveries(receiver)).officials['vp@officials.example'].expired, 1);
    });
  });
});
