// The built pre-renderer (dist/prerender/index.js, after `npm run build`), as organizers run it:
// `civic-action-prerender` and `civic-action/prerender`. Markup pasted into partners' pages for
// good must never carry a script, a handler or a campaign's text as markup, and a configuration
// the widget could not use must stop the build, not make an empty or silently different widget.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {parseFragment} from 'parse5';
import {prerender, PrerenderError} from '../../dist/prerender/index.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '</template><script>alert(2)</script>',
  '</civic-action><script>alert(3)</script>',
  "javascript:alert('x')",
];

/** A campaign whose every text, in both languages, is one of the hostile strings. */
function hostileCampaign() {
  let i = 0;
  const text = () => {
    const value = HOSTILE[i++ % HOSTILE.length];
    return {en: value, es: `${value} (es)`};
  };
  return {
    id: 'hostile',
    title: text(),
    intro: text(),
    recipients: [{name: text(), inSentence: text(), email: 'someone@example.org'}],
    message: {greeting: text(), lead: text(), signOff: text()},
    recommendations: HOSTILE.map((_, n) => ({id: `r${n}`, title: text(), text: text()})),
  };
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

/** Every element of the markup, template contents included, as a browser would parse it. */
function elements(markup) {
  const found = [];
  const walk = (node) => {
    for (const child of node.childNodes ?? []) {
      if (child.tagName) found.push(child);
      walk(child.tagName === 'template' ? child.content : child);
    }
  };
  walk(parseFragment(markup));
  return found;
}

const textOf = (markup) => {
  let text = '';
  const walk = (node) => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeName === '#text' && child.parentNode?.tagName !== 'style') text += child.value;
      walk(child.tagName === 'template' ? child.content : child);
    }
  };
  walk(parseFragment(markup));
  return text;
};

function assertSafe(markup) {
  const all = elements(markup);
  assert.deepEqual(all.filter((e) => e.tagName === 'script').length, 0, 'no script element');
  for (const element of all) {
    for (const {name, value} of element.attrs) {
      assert.ok(!/^on/i.test(name), `no handler attribute (${element.tagName} ${name})`);
      if (URL_ATTRIBUTES.has(name)) assert.ok(!/^\s*javascript:/i.test(value), `no javascript: address (${element.tagName} ${name}=${value})`);
    }
  }
  const top = parseFragment(markup).childNodes.filter((n) => n.tagName);
  assert.deepEqual(top.map((n) => n.tagName), ['civic-action'], 'one element, nothing after it');
  assert.equal(all.filter((e) => e.tagName === 'template').length, 1, 'one template: the shadow root');
}

test('a campaign whose every text is markup comes out as text, in the markup a browser reads', async () => {
  for (const lang of ['en', 'es']) {
    const markup = await prerender({}, {campaign: hostileCampaign(), lang});
    assertSafe(markup);
    const text = textOf(markup);
    for (const value of HOSTILE.slice(0, 5)) assert.ok(text.includes(lang === 'en' ? value : `${value} (es)`), `"${value}" is shown as text (${lang})`);
  }
});

test('a message written from such a campaign, for picks, is text in its box too', async () => {
  const markup = await prerender({endpoint: 'https://example.org/act', picked: 'r0,r1,r2,r3,r4'}, {campaign: hostileCampaign(), lang: 'en'});
  assertSafe(markup);
  const [box] = elements(markup).filter((e) => e.tagName === 'textarea');
  assert.ok(box.childNodes.every((n) => n.nodeName === '#text'), 'only text in the box');
  const text = box.childNodes.map((n) => n.value).join('');
  const shown = HOSTILE.filter((value) => text.includes(value));
  assert.ok(shown.length >= 2, `the campaign's markup is in the message as text: ${shown.join(', ')}`);
});

test('attribute values that are markup stay attribute values', async () => {
  const attributes = {org: '"><script>alert(1)</script>', 'share-text': "'><img src=x onerror=alert(1)>", subject: '</civic-action><script>x</script>', ref: '<!--'};
  const markup = await prerender(attributes);
  assertSafe(markup);
  const host = parseFragment(markup).childNodes[0];
  assert.deepEqual(Object.fromEntries(host.attrs.map((a) => [a.name, a.value])), attributes);
});

test('an org that is markup is text in the consent line', async () => {
  const markup = await prerender({endpoint: 'https://example.org/act', org: '<b onclick=alert(1)>Org</b>'});
  assertSafe(markup);
  assert.ok(textOf(markup).includes('Yes, <b onclick=alert(1)>Org</b> may contact me about this campaign.'));
});

test('the markup is the declarative shadow root, with the styles and without hydration markers', async () => {
  const markup = await prerender({});
  assert.match(markup, /^<civic-action><template shadowrootmode="open"><style>[^<]*:host\{/);
  // The form's styles too, which the script's build brings later, with the form (a visible honeypot would catch people).
  assert.match(markup, /<style>[^<]*\.honeypot\{position:absolute/);
  assert.match(markup, /<\/template><\/civic-action>$/);
  assert.doesNotMatch(markup, /<!--|<\?lit|shadowroot="/);
});

test('property bindings do not tick boxes: only picked ones are checked, consent never', async () => {
  const markup = await prerender({endpoint: 'https://example.org/act', picked: 'tps,rule-of-law'});
  const checked = elements(markup).filter((e) => e.attrs.some((a) => a.name === 'checked'));
  assert.deepEqual(checked.map((e) => e.attrs.find((a) => a.name === 'data-recommendation')?.value).sort(), ['rule-of-law', 'tps']);
  assert.ok(elements(markup).some((e) => e.attrs.some((a) => a.name === 'id' && a.value === 'supporter-consent')), 'the consent box is there, unchecked');
});

test('with picks, the message is written into its box, read-only until the script (which would write it again), and no email link is written for picks the reader may change', async () => {
  const markup = await prerender({endpoint: 'https://example.org/act', picked: 'tps'});
  const [box] = elements(markup).filter((e) => e.tagName === 'textarea');
  assert.ok(box, 'the message box');
  assert.ok(box.attrs.some((a) => a.name === 'readonly'), 'read-only');
  assert.ok(!box.attrs.some((a) => a.name.startsWith('data-')), 'the body is text, not an attribute');
  const text = box.childNodes.map((n) => n.value).join('');
  assert.match(text, /^Dear Vice President Harris,\n/);
  assert.match(text, /Temporary Protected Status/);
  const withoutEndpoint = await prerender({picked: 'tps'});
  assert.doesNotMatch(withoutEndpoint, /mailto:/);
  assert.match(withoutEndpoint, /this page needs JavaScript/);
});

test('the buttons that need the script are disabled in the markup; the form’s send button is not', async () => {
  const markup = await prerender({endpoint: 'https://example.org/act', 'endpoint-format': 'form'});
  const buttons = elements(markup).filter((e) => e.tagName === 'button');
  const disabled = (e) => e.attrs.some((a) => a.name === 'disabled');
  assert.ok(buttons.filter((e) => e.attrs.some((a) => a.name === 'type' && a.value === 'button')).length >= 4, 'pick all, clear all, go to my message, the switcher');
  for (const button of buttons) {
    const type = button.attrs.find((a) => a.name === 'type')?.value;
    assert.equal(disabled(button), type === 'button', `${type} button`);
  }
});

test('each full-text button is a checkbox and a label that work without the script, named as the button is', async () => {
  const markup = await prerender({}, {lang: 'es'});
  const attr = (e, name) => e.attrs.find((a) => a.name === name)?.value;
  assert.equal(elements(markup).filter((e) => e.tagName === 'button' && attr(e, 'data-more') !== undefined).length, 0);
  const toggles = elements(markup).filter((e) => attr(e, 'data-more-toggle') !== undefined);
  assert.equal(toggles.length, 12);
  for (const toggle of toggles) {
    const id = attr(toggle, 'data-more-toggle');
    assert.equal(attr(toggle, 'type'), 'checkbox');
    assert.equal(attr(toggle, 'disabled'), undefined);
    assert.equal(attr(toggle, 'name'), undefined, 'not posted with the form');
    assert.equal(attr(toggle, 'aria-controls'), `recommendation-${id}-text`);
    assert.match(attr(toggle, 'aria-label'), /^Texto completo: \S/);
    assert.ok(elements(markup).some((e) => e.tagName === 'label' && attr(e, 'for') === attr(toggle, 'id')), `a label for ${id}`);
  }
  assert.match(markup, /\.more-toggle:checked ~ \.recommendation-text/);
});

test('the no-script form posts to the endpoint as written, with the contract’s fields', async () => {
  const markup = await prerender({endpoint: '/act?x=1&y=2', 'endpoint-format': 'form', fields: 'email*'}, {lang: 'es'});
  const form = elements(markup).find((e) => e.tagName === 'form');
  const attr = (e, name) => e.attrs.find((a) => a.name === name)?.value;
  assert.equal(attr(form, 'method'), 'post');
  assert.equal(attr(form, 'action'), '/act?x=1&y=2');
  const named = elements(markup).filter((e) => attr(e, 'name')).map((e) => [attr(e, 'name'), attr(e, 'type') === 'hidden' ? attr(e, 'value') : attr(e, 'type') ?? 'text']);
  assert.deepEqual(named.slice(0, 4), [['noscript', '1'], ['version', '1'], ['campaign', 'root-causes-2021'], ['locale', 'es']]);
  assert.equal(named.filter(([n]) => n === 'recommendations').length, 12);
  assert.deepEqual(named.slice(16), [['supporter.email', 'email'], ['consent', 'checkbox'], ['website', 'text']]);
});

test('configuration errors are refused with the problem named, never as markup', async () => {
  const cases = [
    [{bogus: '1'}, {}, /"bogus" is not an attribute/],
    [{onclick: 'alert(1)'}, {}, /"onclick" is not an attribute/],
    [{'data-x': '1'}, {}, /"data-x" is not an attribute/],
    [{'privacy-url': 'javascript:alert(1)'}, {}, /privacy-url="javascript:alert\(1\)" is not valid/],
    [{endpoint: 'http://example.org/'}, {}, /endpoint="http:\/\/example.org\/" is not valid/],
    [{'max-picks': 'many'}, {}, /max-picks="many" is not valid/],
    [{lang: 'fr'}, {}, /lang="fr" is not valid/],
    [{}, {lang: 'fr'}, /--lang fr: the campaign has no text in that language/],
    [{}, {campaign: {id: 'x'}}, /the campaign is not valid: title/],
    [{src: 'no-such-file.json'}, {}, /could not read the campaign at src="no-such-file.json"/],
  ];
  for (const [attributes, options, message] of cases) {
    await assert.rejects(prerender(attributes, options), (error) => error instanceof PrerenderError && message.test(error.message), JSON.stringify(attributes));
  }
});

const cli = (args, cwd) => spawnSync(process.execPath, [join(import.meta.dirname, '../../bin/civic-action-prerender.js'), ...args], {encoding: 'utf8', cwd});

test('the command prints the element, and reads src from the site’s files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prerender-'));
  writeFileSync(join(dir, 'campaign.json'), JSON.stringify(hostileCampaign()));
  const run = cli(['--lang', 'es', 'src=/campaign.json', 'picked=r1'], dir);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  assertSafe(run.stdout.trim());
  assert.match(run.stdout, /^<civic-action src="\/campaign.json" picked="r1"><template shadowrootmode="open">/);
  assert.ok(textOf(run.stdout).includes('<img src=x onerror=alert(1)> (es)'));
});

test('the command reports a configuration error on stderr, with exit code 1 and nothing on stdout', () => {
  for (const args of [['bogus=1'], ['endpoint=ftp://x'], ['--lang'], ['--lang', 'fr'], ['noequals'], ['src=missing.json']]) {
    const run = cli(args);
    assert.equal(run.status, 1, args.join(' '));
    assert.equal(run.stdout, '', args.join(' '));
    assert.match(run.stderr, /^civic-action-prerender: .+/, args.join(' '));
  }
});
