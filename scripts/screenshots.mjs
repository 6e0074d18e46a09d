// Screenshots of the widget's Spanish states at 390 px wide (a common phone), into docs/.
// Run after `npm run build`: it serves the built widget (dist/civic-action.js) with a small
// endpoint of its own, drives headless Chromium with puppeteer-core, and writes docs/es-*.png
// and docs/README.md, which lists them. Look at every image after changing Spanish text.
import {createServer} from 'node:http';
import {readFile, writeFile, mkdir} from 'node:fs/promises';
import {extname, join} from 'node:path';
import puppeteer from 'puppeteer-core';
import {chromeArgs, findChrome} from './lib/find-chrome.mjs';

const root = new URL('..', import.meta.url).pathname;
const WIDTH = 390;

/** The page each state starts from: the built widget, in Spanish unless told otherwise. */
const page = ({lang = 'es', attributes = ''}) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; padding: 8px; font-family: system-ui, sans-serif; }</style></head>
<body><civic-action ${attributes}></civic-action><script type="module" src="/dist/civic-action.js"></script></body></html>`;

const held = [];
const server = createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname.startsWith('/endpoint/')) {
    const behaviour = url.pathname.split('/')[2];
    const cors = {'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key'};
    if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
    const json = (status, body, headers = {}) =>
      response.writeHead(status, {...cors, 'Content-Type': 'application/json', ...headers}).end(JSON.stringify(body));
    if (behaviour === 'hold') return held.push(response);
    if (behaviour === 'wait') return json(503, {error: {message: 'Busy'}}, {'Retry-After': '120'});
    if (behaviour === 'refuse') {
      return json(422, {error: {message: 'No podemos usar este correo.', fields: {'supporter.email': 'Este correo rebota.'}}});
    }
    if (behaviour === 'fail') return json(500, {error: {message: 'Error'}});
    return json(201, {ok: true});
  }
  if (url.pathname.startsWith('/page/')) {
    const params = url.searchParams;
    return response
      .writeHead(200, {'Content-Type': 'text/html; charset=utf-8'})
      .end(page({lang: params.get('lang') ?? 'es', attributes: params.get('attributes') ?? ''}));
  }
  try {
    const body = await readFile(join(root, url.pathname));
    const type = {'.js': 'text/javascript', '.json': 'application/json'}[extname(url.pathname)] ?? 'application/octet-stream';
    response.writeHead(200, {'Content-Type': type}).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, 'localhost', resolve));
const origin = `http://localhost:${server.address().port}`;

// The tests' browser and flags (no sandbox, no background networking, no omnibox pop-up…),
// with an English browser language: the offer state stands in for a Spanish one itself.
const browser = await puppeteer.launch({executablePath: findChrome(), headless: true, args: [...chromeArgs, '--lang=en-US']});

/** Opens a fresh page with the widget; `languages` stands in for the browser's own. */
async function open({lang, attributes = '', languages} = {}) {
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  await tab.setViewport({width: WIDTH, height: 844, deviceScaleFactor: 1});
  if (languages) {
    await tab.evaluateOnNewDocument((langs) => Object.defineProperty(navigator, 'languages', {get: () => langs}), languages);
  }
  const query = new URLSearchParams({...(lang ? {lang} : {}), attributes});
  await tab.goto(`${origin}/page/?${query}`);
  await tab.waitForFunction(() => document.querySelector('civic-action')?.shadowRoot?.querySelector('.widget'));
  await tab.evaluate(() => (document.querySelector('civic-action').minFillTime = 0));
  return {tab, context};
}

/** Runs `action` inside the widget's shadow root, then waits for it to render. */
const inWidget = (tab, action, ...args) =>
  tab.evaluate(
    async (source, ...inner) => {
      const element = document.querySelector('civic-action');
      // eslint-disable-next-line no-new-func
      await new Function('root', 'element', '...args', `return (${source})(root, element, ...args)`)(element.shadowRoot, element, ...inner);
      await element.updateComplete;
    },
    action.toString(),
    ...args,
  );

const pick = (tab, ...ids) => inWidget(tab, (root, element, ...picked) => picked.forEach((id) => root.querySelector(`#recommendation-${id}`).click()), ...ids);
const fill = (tab, fields) =>
  inWidget(
    tab,
    (root, element, values) => {
      for (const [selector, value] of Object.entries(values)) {
        const field = root.querySelector(selector);
        field.value = value;
        field.dispatchEvent(new Event('input'));
      }
    },
    fields,
  );
const submit = (tab) => inWidget(tab, (root) => root.querySelector('[part=submit]').click());
const until = (tab, selector, text = '') =>
  tab.waitForFunction((s, t) => document.querySelector('civic-action').shadowRoot.querySelector(s)?.textContent.includes(t), {timeout: 10_000}, selector, text);

const shots = [];
/**
 * A screenshot of one part of the widget (`@part`: the screen around it; none: the screen's top),
 * named and described for docs/README.md.
 */
async function shoot(tab, name, description, selector, list = shots) {
  const file = name.endsWith('.png') ? `docs/${name}` : `docs/es-${name}.png`;
  if (selector?.startsWith('@')) {
    // The screen around a part, for a part that only makes sense with what surrounds it.
    await tab.evaluate((s) => document.querySelector('civic-action').shadowRoot.querySelector(s).scrollIntoView({block: 'center'}), selector.slice(1));
    await tab.screenshot({path: join(root, file)});
  } else if (selector) {
    const part = await tab.evaluateHandle((s) => document.querySelector('civic-action').shadowRoot.querySelector(s), selector);
    await part.asElement().screenshot({path: join(root, file)});
  } else {
    await tab.screenshot({path: join(root, file)});
  }
  list.push({file: file.slice('docs/'.length), description});
}

await mkdir(join(root, 'docs'), {recursive: true});
const supporter = {'#supporter-name': 'Ana Pérez', '#supporter-email': 'ana@example.org'};

{
  const {tab, context} = await open({attributes: `endpoint="${origin}/endpoint/wait" retries="1"`});
  await shoot(tab, '01-inicio', 'Primera vista: título, introducción, primeras recomendaciones.');
  await submit(tab);
  await shoot(tab, '02-sin-elegir', 'Enviar sin elegir nada: el aviso junto a la lista.', '@#picks-problem');
  await pick(tab, 'tps', 'end-title-42');
  await shoot(tab, '03-mensaje', 'El mensaje con dos recomendaciones: el saludo, la introducción y la lista.', '[part=message]');
  await fill(tab, {'#supporter-name': 'x'.repeat(201), '#supporter-email': 'ana@'});
  await shoot(tab, '04-datos-con-errores', 'Nombre demasiado largo y correo no válido: cada aviso dice cómo corregirlo.', '[part=supporter]');
  await fill(tab, supporter);
  await fill(tab, {'#message-body': `${'x'.repeat(16_500)}`});
  await shoot(tab, '05-contador', 'Un mensaje largo: el contador escribe "16,500 de 20,000".', '#message-counter');
  await inWidget(tab, (root) => root.querySelector('.notice button')?.click());
  await submit(tab);
  await until(tab, '.status', 'esperar');
  await shoot(tab, '06-espera', 'El servidor pidió esperar: la hora en reloj de 12 horas, sin segundos.', '.actions');
  await context.close();
}
{
  const {tab, context} = await open({attributes: 'message-lang="en"'});
  await pick(tab, 'tps');
  await shoot(tab, '07-mensaje-en-ingles', 'El mensaje va en inglés: "Idioma: inglés" y la versión en español como referencia.', '[part=message]');
  await context.close();
}
{
  const {tab, context} = await open({lang: 'en', attributes: 'lang="en"'});
  await pick(tab, 'tps', 'climate');
  await inWidget(tab, (root, element) => {
    const climate = root.querySelector('#message-body');
    climate.value = climate.value.replace('Support the definition', 'I ask you to support the definition');
    climate.dispatchEvent(new Event('input'));
    element.removeAttribute('lang');
    root.querySelector('.switcher button[lang=es]').click();
  });
  await pick(tab, 'climate');
  await shoot(tab, '08-editado-en-ingles', 'Mensaje editado en inglés y lector en español: "se queda en inglés", y la recomendación quitada que sigue en el mensaje.', '[part=message]');
  await context.close();
}
for (const [behaviour, name, description] of [
  ['refuse', '09-rechazado', 'El servidor de los organizadores rechazó el mensaje: qué corregir.'],
  ['fail', '10-fallo', 'El servidor falló: no se perdió nada, intente de nuevo.'],
]) {
  const {tab, context} = await open({attributes: `endpoint="${origin}/endpoint/${behaviour}" retries="0"`});
  await pick(tab, 'tps');
  await fill(tab, supporter);
  await submit(tab);
  await until(tab, '.failure', 'error');
  await shoot(tab, name, description, '.actions');
  await context.close();
}
{
  const {tab, context} = await open({attributes: `endpoint="${origin}/endpoint/ok"`});
  await pick(tab, 'tps');
  await fill(tab, supporter);
  await submit(tab);
  await until(tab, '[part=confirmation]');
  await shoot(tab, '11-gracias', 'Mensaje enviado: la destinataria, con el artículo que pide la frase (a la vicepresidenta…).');
  await context.close();
}
{
  const {tab, context} = await open({attributes: `endpoint="${origin}/endpoint/hold"`});
  await pick(tab, 'tps');
  await fill(tab, supporter);
  await submit(tab);
  await new Promise((resolve) => setTimeout(resolve, 500));
  await tab.reload();
  await until(tab, '.interrupted', 'llegado');
  await shoot(tab, '12-interrumpido', 'Un envío que se cortó: la fecha escrita completa.', '.interrupted');
  await context.close();
}
{
  const {tab, context} = await open({});
  await pick(tab, 'tps');
  await shoot(tab, '13-sin-servidor', 'Sin servidor: enviar desde el propio correo.', '.actions');
  await context.close();
}
{
  const {tab, context} = await open({lang: 'en', languages: ['es-US', 'es']});
  await shoot(tab, '14-oferta', 'Página en inglés, navegador en español: "Leer esto en español".', '.offer');
  await context.close();
}
{
  const {tab, context} = await open({attributes: `src="${origin}/endpoint/none.json"`});
  await until(tab, '[part=notice]');
  await shoot(tab, '15-no-se-pudo-abrir', 'La campaña no se pudo cargar.', '[part=notice]');
  await context.close();
}

// The whole action on a phone, in both languages: what issue 14 asked to see.
const phoneShots = [];
for (const lang of ['en', 'es']) {
  const {tab, context} = await open({lang, attributes: `lang="${lang}" endpoint="${origin}/endpoint/ok"`});
  const shot = (n, what, description, selector) => shoot(tab, `phone-${lang}-${n}-${what}.png`, description, selector, phoneShots);
  await shot(1, 'first-view', `${lang}: the first screen: title, introduction, the bar with the count, the first recommendations.`);
  await pick(tab, 'economic-policy', 'rule-of-law', 'civil-society');
  await inWidget(tab, (root) => root.querySelector('[data-more="rule-of-law"]').click());
  await shot(2, 'three-picked', `${lang}: three picked, one full text open, the bar still in sight.`, '@#recommendation-civil-society');
  await fill(tab, supporter);
  await shot(3, 'form', `${lang}: the end of the message and the form, filled.`, '@[part=supporter]');
  await submit(tab);
  await until(tab, '[part=confirmation]');
  await shot(4, 'thank-you', `${lang}: the thank-you and the ways to share.`, '@[part=confirmation]');
  await context.close();
}

await browser.close();
held.forEach((response) => response.destroy());
server.close();
await writeFile(
  join(root, 'docs/README.md'),
  `# The widget in Spanish, at 390 px

Written by \`node scripts/screenshots.mjs\` (after \`npm run build\`) from the built widget in headless
Chromium, 390 px wide. Each image is one state a Spanish reader can see. The words follow
[the glossary and style note](../locales/GLOSSARY.md).

${shots.map(({file, description}) => `## ${file.replace(/^es-|\.png$/g, '')}\n\n${description}\n\n![${description}](${file})\n`).join('\n')}
# On a phone

The same widget at 390 × 844, in English and Spanish: the first screen, three picks, the form, the
thank-you. README's "On a phone" gives the heights.

${phoneShots.map(({file, description}) => `## ${file.replace(/\.png$/, '')}\n\n${description}\n\n![${description}](${file})\n`).join('\n')}`,
);
console.log(`wrote ${shots.length + phoneShots.length} screenshots to docs/`);
