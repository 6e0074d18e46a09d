// A browser's own post of the pre-rendered widget's form (no script, `noscript=1`), on SQLite and
// on PostgreSQL: stored once, delivered, and answered with a page in the form's language.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {ConfigError, parseConfig} from '../../dist/receiver/index.js';
import {CAMPAIGN, PARTNER, auth, campaignConfig, eachDatabase, freshDatabase, getJson, postJson, receiverOn, smtpSink, submission, until} from './support.mjs';

/** The built-in campaign's official, as it names her. */
const OFFICIAL = {name: {en: 'Kamala Harris, Vice President of the United States', es: 'Kamala Harris, vicepresidenta de Estados Unidos'}, email: 'vp@officials.example'};
const FORM_PAGE = `${PARTNER}/action?utm_source=newsletter#form`;

/** The fields the pre-rendered form posts, as a browser sends them. */
function formFields({locale = 'en', picks = ['tps', 'economic-policy'], name = 'Ana Pérez', email, extra = {}} = {}) {
  const fields = new URLSearchParams({noscript: '1', version: '1', campaign: CAMPAIGN, locale});
  for (const pick of picks) fields.append('recommendations', pick);
  fields.append('supporter.name', name);
  fields.append('supporter.email', email ?? `ana.${Math.random().toString(36).slice(2)}@example.org`);
  fields.append('consent', 'true');
  for (const [key, value] of Object.entries(extra)) fields.set(key, value);
  return fields;
}

/** POSTs the form the way a browser does: urlencoded, with its Origin and Referer. */
async function postForm(url, fields, headers = {}) {
  const response = await fetch(url, {method: 'POST', body: fields, headers: {Origin: PARTNER, Referer: FORM_PAGE, ...headers}});
  return {status: response.status, headers: response.headers, html: await response.text()};
}

const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

await eachDatabase(async (kind, skip) => {
  describe(`a plain form post on ${kind}`, {skip}, () => {
    let database;
    let sink;
    let receiver;
    before(async () => {
      sink = await smtpSink();
      database = await freshDatabase(kind);
      receiver = await receiverOn(database, {
        worker: {pollMs: 50},
        config: {
          smtp: {url: sink.url, timeoutSeconds: 5},
          sender: {name: 'Casa Comunitaria', address: 'actions@casa.example'},
          campaigns: [campaignConfig({recipients: [OFFICIAL]})],
        },
      });
    });
    after(async () => {
      await receiver?.stop();
      await database?.drop();
      await sink?.close();
    });

    const submissions = async () => (await getJson(receiver.url(`/admin/campaigns/${CAMPAIGN}/submissions?limit=500`), auth())).body;

    it('stores an English post once, delivers the message composed from the campaign, and answers with a thank-you page', async () => {
      const email = 'ana.english@example.org';
      const before = (await submissions()).length;
      const reply = await postForm(receiver.url('/submit'), formFields({email}));
      assert.equal(reply.status, 201);
      assert.match(reply.headers.get('content-type'), /^text\/html; charset=utf-8$/i);
      assert.match(reply.headers.get('content-security-policy'), /default-src 'none'/);
      assert.doesNotMatch(reply.html, /<script/i);
      assert.match(reply.html, /<html lang="en">/);
      assert.match(reply.html, /<title>Thank you: your message was sent<\/title>/);
      assert.match(text(reply.html), /Your message is on its way to Vice President Kamala Harris\./);
      const rows = (await submissions()).filter((row) => row.supporter.email === email);
      assert.equal(rows.length, 1);
      assert.equal((await submissions()).length, before + 1, 'stored once');
      const [row] = rows;
      assert.deepEqual([...row.recommendations].sort(), ['economic-policy', 'tps']);
      assert.equal(row.locale, 'en');
      assert.equal(row.message.subject, 'I support these recommendations on migration');
      assert.match(row.message.body, /^Dear Vice President Harris,\n\n/);
      assert.match(row.message.body, /\nSincerely,\nAna Pérez$/);
      assert.equal(row.sourceUrl, `${PARTNER}/action`, 'the Referer, without its query and fragment');
      await until(() => sink.messages.some((m) => m.parsed.replyTo?.value[0]?.address === email), 'the email to the official');
      const delivered = sink.messages.find((m) => m.parsed.replyTo.value[0].address === email);
      assert.deepEqual(delivered.rcptTo, ['vp@officials.example']);
      assert.equal(delivered.parsed.text.trim(), row.message.body);
    });

    it('answers a Spanish post in Spanish, with the Spanish message', async () => {
      const email = 'ana.espanol@example.org';
      const reply = await postForm(receiver.url('/submit'), formFields({locale: 'es', picks: ['tps'], email}));
      assert.equal(reply.status, 201);
      assert.match(reply.html, /<html lang="es">/);
      assert.match(reply.html, /<title>Gracias: su mensaje se envió<\/title>/);
      assert.match(text(reply.html), /Su mensaje va en camino a la vicepresidenta Kamala Harris\./);
      const [row, ...more] = (await submissions()).filter((r) => r.supporter.email === email);
      assert.equal(more.length, 0);
      assert.equal(row.message.subject, 'Apoyo estas recomendaciones sobre la migración');
      assert.match(row.message.body, /^Estimada vicepresidenta Harris:\n\n/);
      await until(() => sink.messages.some((m) => m.parsed.replyTo?.value[0]?.address === email), 'the Spanish email');
    });

    it('takes a language the campaign is not written in as the widget does: es-MX as Spanish, fr as the campaign\'s default', async () => {
      for (const [locale, lang, subject] of [
        ['es-MX', 'es', 'Apoyo estas recomendaciones sobre la migración'],
        ['fr', 'en', 'I support these recommendations on migration'],
      ]) {
        const email = `ana.${locale.toLowerCase()}@example.org`;
        const reply = await postForm(receiver.url('/submit'), formFields({locale, picks: ['tps'], email}));
        assert.equal(reply.status, 201, locale);
        assert.match(reply.html, new RegExp(`<html lang="${lang}">`), locale);
        const [row] = (await submissions()).filter((r) => r.supporter.email === email);
        assert.equal(row.locale, lang, locale);
        assert.equal(row.message.subject, subject, locale);
        await until(() => sink.messages.some((m) => m.parsed.replyTo?.value[0]?.address === email), `the email for ${locale}`);
        const delivered = sink.messages.find((m) => m.parsed.replyTo.value[0].address === email);
        assert.equal(delivered.parsed.subject, subject, locale);
        assert.equal(delivered.parsed.headers.get('content-language'), lang, `${locale}: the message is marked in the language it is written in`);
      }
    });

    it('answers a post without a ticked recommendation with a page that says so, links back, and stores nothing', async () => {
      const email = 'ana.nopick@example.org';
      const reply = await postForm(receiver.url('/submit'), formFields({picks: [], email}));
      assert.equal(reply.status, 422);
      assert.match(reply.headers.get('content-type'), /^text\/html/);
      assert.match(reply.html, /<title>Your message was not sent<\/title>/);
      assert.match(text(reply.html), /Recommendations : No recommendation was ticked\. Tick at least one that you support\./);
      assert.match(reply.html, new RegExp(`<a href="${FORM_PAGE.replace(/[?#.]/g, '\\$&')}">Back to the form</a>`));
      const spanish = await postForm(receiver.url('/submit'), formFields({locale: 'es', picks: [], email}));
      assert.match(text(spanish.html), /No marcó ninguna recomendación/);
      assert.equal((await submissions()).filter((r) => r.supporter.email === email).length, 0);
    });

    it('stores the same form posted twice (a double click, or back and send again) once, and answers both with the thank-you page', async () => {
      const email = 'ana.twice@example.org';
      const fields = formFields({email});
      // A double click: the second post leaves before the first is answered.
      const [first, second] = await Promise.all([postForm(receiver.url('/submit'), fields), postForm(receiver.url('/submit'), fields)]);
      const again = await postForm(receiver.url('/submit'), fields);
      for (const reply of [first, second, again]) assert.match(reply.html, /<title>Thank you: your message was sent<\/title>/);
      assert.deepEqual([first.status, second.status].sort(), [200, 201], 'one stored, one a duplicate');
      assert.equal(again.status, 200);
      assert.equal((await submissions()).filter((row) => row.supporter.email === email).length, 1, 'stored once');
      await until(() => sink.messages.some((m) => m.parsed.replyTo?.value[0]?.address === email), 'the email to the official');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(sink.messages.filter((m) => m.parsed.replyTo?.value[0]?.address === email).length, 1, 'delivered once');
      // Another choice from the same address is another submission.
      const changed = await postForm(receiver.url('/submit'), formFields({email, picks: ['tps']}));
      assert.equal(changed.status, 201);
      assert.equal((await submissions()).filter((row) => row.supporter.email === email).length, 2);
    });

    it('names a bad email address, a recommendation that is not the campaign\'s, and a page that is not a partner\'s', async () => {
      const bad = await postForm(receiver.url('/submit'), formFields({email: 'not-an-address'}));
      assert.equal(bad.status, 422);
      assert.match(text(bad.html), /Your email : This email address is not valid\./);
      const unknown = await postForm(receiver.url('/submit'), formFields({picks: ['tps', 'someone-elses']}));
      assert.equal(unknown.status, 422);
      assert.match(text(unknown.html), /"someone-elses" is not one of this campaign’s recommendations\./);
      const badLocale = await postForm(receiver.url('/submit'), formFields({locale: 'en-12'}));
      assert.equal(badLocale.status, 422, 'a language tag Intl cannot read is a page, not a 500');
      assert.match(text(badLocale.html), /The form : This is not valid\./);
      const stranger = await postForm(receiver.url('/submit'), formFields(), {Origin: 'https://elsewhere.example', Referer: 'https://elsewhere.example/'});
      assert.equal(stranger.status, 403);
      assert.match(text(stranger.html), /not one of the campaign’s partner pages/);
      assert.doesNotMatch(stranger.html, /href="https:\/\/elsewhere/, 'no link back to a page that is not a partner\'s');
    });

    it('keeps the supporter\'s text as text on the page', async () => {
      const reply = await postForm(receiver.url('/submit'), formFields({name: '<img src=x onerror=alert(1)>'}));
      assert.equal(reply.status, 201);
      assert.doesNotMatch(reply.html, /<img/);
      assert.match(reply.html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    });

    it('takes what the pre-rendered form (civic-action-prerender) posts, as a browser would post it', async () => {
      const markup = execFileSync(process.execPath, ['bin/civic-action-prerender.js', '--lang', 'es', `endpoint=${receiver.url('/submit')}`, 'endpoint-format=form', 'fields=name,email'], {encoding: 'utf8'});
      const action = /<form method="post" action="([^"]+)"/.exec(markup)?.[1];
      assert.equal(action, receiver.url('/submit'));
      // What a browser sends from this form: its hidden fields, two ticked boxes, the typed fields.
      const fields = new URLSearchParams();
      for (const [, input] of markup.matchAll(/<input([^>]*)>/g)) {
        const attribute = (name) => new RegExp(`\\s${name}="([^"]*)"`).exec(input)?.[1];
        const name = attribute('name');
        if (!name) continue;
        if (attribute('type') === 'hidden') fields.append(name, attribute('value'));
        else if (name === 'recommendations' && ['tps', 'civil-society'].includes(attribute('value'))) fields.append(name, attribute('value'));
        else if (name === 'supporter.name') fields.append(name, 'Ana Pérez');
        else if (name === 'supporter.email') fields.append(name, 'ana.prerendered@example.org');
        else if (attribute('type') !== 'checkbox') fields.append(name, attribute('value') ?? '');
      }
      assert.equal(fields.get('noscript'), '1');
      const reply = await postForm(action, fields);
      assert.equal(reply.status, 201, text(reply.html));
      assert.match(text(reply.html), /Su mensaje va en camino a la vicepresidenta Kamala Harris\./);
      const [row] = (await submissions()).filter((r) => r.supporter.email === 'ana.prerendered@example.org');
      assert.deepEqual([...row.recommendations].sort(), ['civil-society', 'tps']);
      assert.equal(row.supporter.name, 'Ana Pérez');
      assert.equal(row.consent, false);
    });

    it('answers the widget\'s own JSON and form-field posts exactly as before', async () => {
      const body = submission({recommendations: ['tps'], message: {to: ['Kamala Harris, vicepresidenta de Estados Unidos']}});
      const json = await postJson(receiver.url('/submit'), body);
      assert.equal(json.status, 201);
      assert.match(json.headers.get('content-type'), /^application\/json/);
      assert.deepEqual(json.body, {status: 'stored', id: body.id});
      const invalid = await postJson(receiver.url('/submit'), {...body, recommendations: []});
      assert.equal(invalid.status, 422);
      assert.equal(invalid.body.error.message, 'Parte de lo enviado no es válido.');
    });
  });
});

describe('a plain form post, by what the receiver knows of the campaign', () => {
  const cleanups = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** A campaign file of the organizer's own, beside the config. */
  function campaignFile(campaign) {
    const dir = mkdtempSync(join(tmpdir(), 'civic-campaign-'));
    writeFileSync(join(dir, 'campaign.json'), JSON.stringify(campaign));
    return dir;
  }
  const ownCampaign = {
    id: 'council-2027',
    title: {en: 'Three asks for the council'},
    recipients: [{name: {en: 'Council Member Bo Li'}}],
    message: {subject: {en: 'Three asks'}},
    recommendations: [
      {id: 'parks', title: {en: 'Parks'}, text: {en: 'Open the parks at night.'}},
      {id: 'buses', title: {en: 'Buses'}, text: {en: 'Run the buses every ten minutes.'}},
    ],
  };

  it('composes the message from the campaign file the config points at', async () => {
    const database = await freshDatabase('sqlite');
    const dir = campaignFile(ownCampaign);
    const config = parseConfig(
      {database: database.url, campaigns: [{id: 'council-2027', origins: [PARTNER], recipients: [{name: 'Council Member Bo Li', email: 'bo@council.example'}], campaignFile: 'campaign.json'}]},
      {baseDir: dir},
    );
    const {startReceiver} = await import('../../dist/receiver/index.js');
    const receiver = await startReceiver({config, adminToken: 'organizer-token', port: 0, log: () => {}});
    cleanups.push(() => database.drop(), () => receiver.stop());
    const fields = new URLSearchParams({noscript: '1', version: '1', campaign: 'council-2027', locale: 'en', recommendations: 'buses', 'supporter.email': 'ana.council@example.org', consent: 'false'});
    const reply = await postForm(`http://127.0.0.1:${receiver.port}/submit`, fields);
    assert.equal(reply.status, 201, reply.html);
    assert.match(text(reply.html), /Your message is on its way to Council Member Bo Li\./);
    const [row] = (await getJson(`http://127.0.0.1:${receiver.port}/admin/campaigns/council-2027/submissions`, auth())).body;
    assert.equal(row.message.subject, 'Three asks');
    assert.match(row.message.body, /• Run the buses every ten minutes\./);
    assert.doesNotMatch(row.message.body, /parks/);
  });

  it('says on a page that a campaign without texts cannot be sent without script', async () => {
    const database = await freshDatabase('sqlite');
    const receiver = await receiverOn(database, {config: {campaigns: [campaignConfig({id: 'no-texts'})]}});
    cleanups.push(() => database.drop(), () => receiver.stop());
    const fields = new URLSearchParams({noscript: '1', version: '1', campaign: 'no-texts', locale: 'en', recommendations: 'tps'});
    const reply = await postForm(receiver.url('/submit'), fields);
    assert.equal(reply.status, 501);
    assert.match(text(reply.html), /cannot write the message for this campaign without JavaScript/);
  });

  it('refuses a config whose campaign file is missing, invalid, another campaign\'s, or names other officials, one line each', () => {
    const base = {id: 'council-2027', origins: [PARTNER], recipients: [{name: 'Someone Else', email: 'else@council.example'}]};
    const dir = campaignFile(ownCampaign);
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({...ownCampaign, recommendations: []}));
    let problems = [];
    try {
      parseConfig(
        {
          database: 'sqlite::memory:',
          campaigns: [
            {...base, campaignFile: 'missing.json'},
            {...base, id: 'other', campaignFile: 'broken.json'},
            {...base, id: 'third', campaignFile: 'campaign.json'},
          ],
        },
        {baseDir: dir},
      );
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      problems = error.problems;
    }
    assert.match(problems[0], /^campaigns\[0\]\.campaignFile: .*missing\.json cannot be read \(ENOENT\)$/);
    assert.match(problems[1], /^campaigns\[1\]\.campaignFile: recommendations: /);
    assert.ok(problems.includes('campaigns[2].campaignFile: the file\'s id is "council-2027", not "third"'), problems.join('\n'));
    assert.ok(problems.includes('campaigns[2].campaignFile: its recipient "Council Member Bo Li" is not one of campaigns[2].recipients'), problems.join('\n'));
  });
});
