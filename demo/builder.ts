// The embed builder: turns the form into a <civic-action> tag, shows it live, and writes the
// code an organizer pastes, with the Subresource Integrity hash computed from the built file
// itself. It says which address the code loads the script from, and asks that address, so an
// organizer learns of a wrong folder here rather than from a blank space on their page.
import '../src/civic-action.js';
import {campaignLocales, textIn, type Campaign} from '../src/campaign/campaign-schema.js';
import {parseCampaign} from '../src/campaign/parse-campaign.js';
import {defaultCampaign} from '../src/campaign/default-campaign.complete.js';
import {describeIssues} from '../src/campaign/describe-issues.js';
import {DEFAULT_TIMEOUT_MS} from '../src/config/attributes.js';
import {defaultRetryPolicy} from '../src/send/send-submission.js';
import {inLocale, interfaceLocaleFor, interfaceLocales, loadInterfaceLocale} from '../src/i18n/localization.js';
import {needsScriptText} from '../src/view/no-script.js';
import type {WorkerAnswer} from '../src/prerender/worker.js';

const form = document.querySelector<HTMLFormElement>('#settings')!;
const snippet = document.querySelector<HTMLTextAreaElement>('#snippet')!;
const preview = document.querySelector<HTMLElement>('#preview')!;
const status = document.querySelector<HTMLElement>('#integrity-status')!;
const scriptCheck = document.querySelector<HTMLElement>('#script-check')!;
const campaignCheck = document.querySelector<HTMLElement>('#campaign-check')!;
const campaignJson = document.querySelector<HTMLTextAreaElement>('#campaign-json')!;
const embedCheck = document.querySelector<HTMLElement>('#embed-check')!;
const cspHelp = document.querySelector<HTMLElement>('#csp-help')!;
const copyButton = document.querySelector<HTMLButtonElement>('#copy')!;
const input = <T extends HTMLElement = HTMLInputElement>(selector: string) => form.querySelector<T>(selector)!;

/**
 * What the embed check says. A live region announces each change: the same sentence is not
 * written again (a screen reader would read it again at every keystroke).
 */
function sayEmbed(text: string, state: '' | 'ok' | 'problem'): void {
  if (embedCheck.textContent !== text) embedCheck.textContent = text;
  embedCheck.dataset.state = state;
}

/** Attributes the form sets directly, by the names of its inputs; `fields` and `src` are read apart. */
const ATTRIBUTES = [
  'endpoint', 'endpoint-format', 'recipients', 'subject', 'retries', 'timeout', 'lang', 'message-lang', 'min-picks',
  'max-picks', 'picked', 'org', 'privacy-url', 'ref', 'success-url', 'share-url', 'share-text', 'tally-src', 'theme',
];

/** A campaign of one's own to start from, in the format organizers write by hand (no defaultLocale needed). */
const SAMPLE_CAMPAIGN = {
  id: 'clean-water',
  title: {en: 'Clean water for every school', es: 'Agua limpia para cada escuela'},
  intro: {en: 'Ask the city council to fund water fountains in every school.', es: 'Pida al concejo municipal que financie bebederos en cada escuela.'},
  recipients: [
    {
      name: {en: 'City Council', es: 'Concejo Municipal'},
      inSentence: {en: 'the City Council', es: 'el Concejo Municipal'},
      email: 'council@city.example',
    },
  ],
  recommendations: [
    {id: 'fountains', title: {en: 'Fountains', es: 'Bebederos'}, text: {en: 'Install a fountain on every floor.', es: 'Instalar un bebedero en cada piso.'}},
    {id: 'testing', title: {en: 'Monthly testing', es: 'Análisis mensual'}, text: {en: 'Test the water every month and publish the results.', es: 'Analizar el agua cada mes y publicar los resultados.'}},
  ],
};

/** Written by the build (vite.config.ts): the version and each file's SRI hash. */
interface Integrity {
  version: string;
  files: Record<string, string>;
}

/** The campaign the code will show: the built-in one, the JSON typed here, or the file at `src` as last fetched. */
interface CampaignChoice {
  kind: 'builtin' | 'inline' | 'src';
  /** Parsed, for the preview's languages and the code's plain-text recommendations; null when it cannot be read. */
  campaign: Campaign | null;
  /** The JSON as the organizer wrote it (inline, re-serialized for the code; src, for the pre-renderer). */
  written?: unknown;
}

let built: Integrity = {version: '0.0.0', files: {}};
let integrity = '';
let moduleFile = '';
let choice: CampaignChoice = {kind: 'builtin', campaign: defaultCampaign};
/** The campaign fetched from `src`, by address, so that typing elsewhere does not fetch it again. */
let fetchedSrc: {url: string; campaign: Campaign | null; written: unknown} | null = null;

const escapeText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, '&quot;');

function attributes(): Array<[string, string]> {
  const data = new FormData(form);
  const chosen = ATTRIBUTES.flatMap((name) => {
    const value = String(data.get(name) ?? '').trim();
    return value ? [[name, value] as [string, string]] : [];
  });
  const fields = [...form.querySelectorAll<HTMLSelectElement>('[data-field]')]
    .filter((select) => select.value !== 'off')
    .map((select) => `${select.dataset.field}${select.value === 'required' ? '*' : ''}`)
    .join(', ');
  if (fields !== 'name*, email*, postal-code') chosen.push(['fields', fields]);
  const src = input('#src').value.trim();
  if (choice.kind === 'src' && src) chosen.unshift(['src', src]);
  return chosen;
}

function accent(): string | null {
  const value = input('#accent').value;
  return value.toLowerCase() === '#1d4ed8' ? null : value;
}

/** WCAG's contrast ratio of two `#rrggbb` colours, from 1 to 21. */
function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/**
 * The widget's colours that meet an organizer's accent (src/styles/theme.styles.ts): its text on
 * the surface (links, outlined buttons), and the accent's contrast colour on it (filled buttons),
 * in each theme the widget may show.
 */
const THEMES = {light: {surface: '#ffffff', onAccent: '#ffffff'}, dark: {surface: '#111827', onAccent: '#0b1220'}};

/**
 * Whether the accent chosen leaves the widget's buttons readable: WCAG AA asks 4.5:1 for text.
 * An organizer's brand colour is often lighter than that; the builder says so, with the ratio.
 */
function checkAccent(colour: string | null): void {
  const check = document.querySelector<HTMLElement>('#accent-check')!;
  const theme = input<HTMLSelectElement>('#theme').value;
  const shown = theme === 'dark' ? (['dark'] as const) : theme === 'auto' ? (['light', 'dark'] as const) : (['light'] as const);
  const worst = colour
    ? shown.map((name) => ({name, ratio: Math.min(contrastRatio(colour, THEMES[name].surface), contrastRatio(colour, THEMES[name].onAccent))})).sort((a, b) => a.ratio - b.ratio)[0]!
    : null;
  const text =
    worst && worst.ratio < 4.5
      ? `On the ${worst.name} theme this colour reads at ${worst.ratio.toFixed(1)}:1 as button text and behind it; WCAG AA asks for 4.5:1. Readers with low vision may not read the buttons: choose a ${worst.name === 'light' ? 'darker' : 'lighter'} colour.`
      : '';
  if (check.textContent !== text) check.textContent = text;
  check.dataset.state = text ? 'problem' : '';
}

/** The language the plain-text recommendations are written in: the widget's `lang` if the campaign has it, else its default. */
function fallbackLocale(campaign: Campaign): string {
  const lang = input<HTMLSelectElement>('#lang').value;
  return lang && campaignLocales(campaign).includes(lang) ? lang : campaign.defaultLocale;
}

/**
 * The campaign as plain HTML, inside the tag: a browser shows it only while the element is not
 * defined, so it is what readers get when the script cannot load, in place of a blank space.
 */
function fallbackLines(campaign: Campaign): string[] {
  const locale = fallbackLocale(campaign);
  const text = (value: Parameters<typeof textIn>[0]) => textIn(value, locale, campaign.defaultLocale)?.text;
  const intro = text(campaign.intro);
  return [
    `  <!-- Shown only if the script cannot load: -->`,
    `  <div lang="${escapeAttribute(locale)}">`,
    `    <h2>${escapeText(text(campaign.title) ?? '')}</h2>`,
    ...(intro ? [`    <p>${escapeText(intro)}</p>`] : []),
    '    <ul>',
    ...campaign.recommendations.map((r) => `      <li><strong>${escapeText(text(r.title) ?? r.id)}</strong>: ${escapeText(text(r.text) ?? '')}</li>`),
    '    </ul>',
    // What the pre-rendered view says in the same case: without it a reader had the campaign and no word on how to act.
    `    <p lang="${interfaceLocaleFor(locale)}">${escapeText(inLocale(interfaceLocaleFor(locale), needsScriptText))}</p>`,
    '  </div>',
  ];
}

/**
 * While the script loads, the plain-text campaign keeps the widget's place, hidden; after two
 * seconds without the element (the script failed, or is very slow) it shows. The old rule
 * reserved a fixed 120rem (1,920 px), which stayed a blank gap when the script never came.
 */
const WAITING_STYLE =
  '<style>civic-action:not(:defined) { display: block; animation: civic-action-wait 2s step-end; } ' +
  '@keyframes civic-action-wait { from { visibility: hidden; } }</style>';

/** The inline campaign as a JSON script: `<` escaped, so that no text in it can close the script. */
function inlineScriptLines(written: unknown): string[] {
  const json = JSON.stringify(written, null, 2).replace(/</g, '\\u003c');
  return ['  <script type="application/json">', ...json.split('\n').map((line) => `    ${line}`), '  </script>'];
}

/**
 * The pre-rendered markup comes from the pre-renderer built for a worker (dist/prerender/worker.js,
 * the same code as `civic-action-prerender`): the page's own element and DOM stay out of its way.
 */
let prerenderer: Worker | null = null;
let asked = 0;
const answers = new Map<number, (answer: WorkerAnswer) => void>();

function prerendered(request: {attributes: Record<string, string>; campaign?: unknown}): Promise<WorkerAnswer> {
  if (!prerenderer) {
    prerenderer = new Worker('/dist/prerender/worker.js', {type: 'module'});
    prerenderer.addEventListener('message', ({data}: MessageEvent<WorkerAnswer>) => {
      answers.get(data.id)?.(data);
      answers.delete(data.id);
    });
    prerenderer.addEventListener('error', () => {
      for (const [id, answer] of answers) answer({id, problem: 'the pre-renderer was not found: run npm run build, then reload this page'});
      answers.clear();
      prerenderer = null;
    });
  }
  const id = ++asked;
  return new Promise((resolve) => {
    answers.set(id, resolve);
    prerenderer!.postMessage({id, ...request});
  });
}

/** The `'sha256-…'` source a strict policy needs for an inline element with this text. */
async function hashSource(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

const styleText = (code: string): string => /<style>([\s\S]*?)<\/style>/.exec(code)?.[1] ?? '';

/** A language's name in English, as the builder's texts are. */
const languageName = (locale: string): string => new Intl.DisplayNames(['en'], {type: 'language'}).of(locale) ?? locale;

/** What a policy names for an address: its origin, or `'self'` for one relative to the page; null for one it cannot name. */
function policySource(address: string): string | null {
  const written = address.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(written)) return "'self'";
  return /^https?:/i.test(written) && URL.canParse(written) ? new URL(written).origin : null;
}

/** Where the code's requests go, for a policy's `script-src`, `connect-src` and `form-action`, and the tag's `style` attribute. */
interface PolicySources {
  scriptFrom: string | null;
  connect: Array<{source: string; does: string}>;
  formAction: string | null;
  styleAttribute: string | null;
}

function policySources(chosen: ReadonlyArray<readonly [string, string]>, colour: string | null): PolicySources {
  const value = (name: string) => chosen.find(([attribute]) => attribute === name)?.[1] ?? null;
  const connect = (
    [
      ['endpoint', 'the sends'],
      ['src', 'the campaign file'],
      ['tally-src', 'the tally'],
    ] as const
  ).flatMap(([name, does]) => {
    const address = value(name);
    const source = address === null ? null : policySource(address);
    return source ? [{source, does}] : [];
  });
  const endpoint = value('endpoint');
  return {
    scriptFrom: URL.canParse(moduleFile) ? policySource(moduleFile) : null,
    connect,
    formAction: endpoint !== null && value('endpoint-format') === 'form' ? policySource(endpoint) : null,
    styleAttribute: colour ? `--civic-action-accent: ${colour}` : null,
  };
}

/**
 * What a Content-Security-Policy without 'unsafe-inline' needs for the code, each hash with what a
 * policy without it refuses: the import map's in `script-src` (`mapDoes`), the
 * module importing the script after pre-rendered markup (`loader`), and the style's in `style-src`
 * (the pre-rendered view's styles, or the rule keeping the place while the script loads); the
 * accent colour's `style` attribute, which needs `'unsafe-hashes'`; where the script comes from and
 * where the widget sends; and all of it as one policy, which organizers who are not developers can
 * start from.
 */
async function showPolicyHashes(
  turn: number,
  hashed: {map: string | null; mapDoes: string; loader: string | null; style: string; styleDoes: string},
  sources: PolicySources,
): Promise<void> {
  const [map, loader, style, attribute] = await Promise.all([hashed.map, hashed.loader, hashed.style, sources.styleAttribute].map((text) => (text === null ? null : hashSource(text))));
  if (turn !== rendering) return;
  const show = (id: string, text: string | null, suffix = 'hash') => {
    document.querySelector<HTMLElement>(`#${id}`)!.hidden = text === null;
    document.querySelector(`#${id}-${suffix}`)!.textContent = text ?? '';
  };
  show('csp-map', map ?? null);
  show('csp-loader', loader ?? null);
  document.querySelector('#csp-map-does')!.textContent = hashed.mapDoes;
  document.querySelector('#csp-hash')!.textContent = style ?? '';
  document.querySelector('#csp-style-does')!.textContent = hashed.styleDoes;
  const attributeSources = attribute ? `'unsafe-hashes' ${attribute}` : null;
  show('csp-attribute', attributeSources);
  show('csp-script-from', sources.scriptFrom, 'source');
  const connect = [...new Set(sources.connect.map((c) => c.source))];
  show('csp-connect', connect.length ? connect.join(' ') : null, 'sources');
  document.querySelector('#csp-connect-does')!.textContent = sources.connect.map((c) => c.does).join(', ');
  show('csp-form-action', sources.formAction, 'source');
  const directive = (name: string, values: Array<string | null | undefined>) => {
    const present = values.filter((v): v is string => Boolean(v));
    return present.length ? `${name} ${present.join(' ')}` : null;
  };
  document.querySelector('#csp-policy')!.textContent = [
    "default-src 'none'",
    directive('script-src', [map, loader, sources.scriptFrom]),
    directive('style-src', [style, attributeSources]),
    directive('connect-src', connect),
    directive('form-action', [sources.formAction]),
  ]
    .filter(Boolean)
    .join('; ');
  cspHelp.hidden = false;
}

/** Why this configuration can only be embedded as a script, if it cannot be pre-rendered. */
function scriptOnlyBecause(): string | null {
  if (choice.kind === 'inline') return 'A campaign written into the code comes with the script only: pre-rendered code holds no script, and the campaign would be one. Put it in a file on your site (src) to pre-render it.';
  if (choice.kind === 'src' && !choice.campaign) return 'Pre-rendering needs the campaign file, read from here: give its full address, on a host that allows this page (CORS).';
  return null;
}

let rendering = 0;
/** The markup last made, for the request it was made for. */
let lastMarkup: {key: string; markup: string} | null = null;

function render(): void {
  const turn = ++rendering;
  const chosen = attributes();
  const colour = accent();
  checkAccent(colour);
  const element = document.createElement('civic-action');
  for (const [name, value] of chosen) element.setAttribute(name, value);
  if (colour) element.style.setProperty('--civic-action-accent', colour);
  if (choice.kind === 'inline' && choice.written !== undefined) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify(choice.written);
    element.append(script);
  }
  preview.replaceChildren(element);

  const tagAttributes = chosen.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  const style = colour ? ` style="--civic-action-accent: ${colour}"` : '';
  const inner = [
    ...(choice.kind === 'inline' && choice.written !== undefined ? inlineScriptLines(choice.written) : []),
    ...(choice.campaign ? fallbackLines(choice.campaign) : []),
  ];
  const scriptTag = `<script type="module" src="${escapeAttribute(moduleFile)}" integrity="${integrity}" crossorigin="anonymous"></script>`;
  // The import map pinning the chunks comes before the module that imports them, and before any preload.
  const importMap = pinningMap(false);
  const scriptTags = [...(importMap === null ? [] : [`<script type="importmap">${importMap}</script>`]), ...preloadLinks(), scriptTag].join('\n');
  // Pre-rendered code imports the script, pinned by the map, rather than naming it in a tag (see takeOverImports).
  const takeOverMap = pinningMap(true);
  const takeOver = takeOverImports();
  const takeOverTags = takeOverMap === null ? scriptTags : [`<script type="importmap">${takeOverMap}</script>`, `<script type="module">${takeOver}</script>`].join('\n');
  const scriptOnly = [
    WAITING_STYLE,
    scriptTags,
    inner.length ? [`<civic-action${tagAttributes}${style}>`, ...inner, '</civic-action>'].join('\n') : `<civic-action${tagAttributes}${style}></civic-action>`,
  ].join('\n');
  copyButton.disabled = false;
  const wanted = form.querySelector<HTMLInputElement>('[name=embed]:checked')?.value === 'prerendered';
  const because = wanted ? scriptOnlyBecause() : null;
  cspHelp.hidden = true;
  const sources = policySources(chosen, colour);
  const scriptOnlyHashes = () =>
    void showPolicyHashes(
      turn,
      {
        map: importMap,
        mapDoes: 'the import map that pins the chunks: without it browsers refuse the map, and load the chunks unchecked',
        loader: null,
        style: styleText(WAITING_STYLE),
        styleDoes: 'the rule that keeps the widget’s place while the script loads',
      },
      sources,
    );
  if (!wanted || because) {
    snippet.value = scriptOnly;
    sayEmbed(because ?? '', because ? 'problem' : '');
    scriptOnlyHashes();
    return;
  }
  const attributesWithStyle = {...Object.fromEntries(chosen), ...(colour ? {style: `--civic-action-accent: ${colour}`} : {})};
  const request = {attributes: attributesWithStyle, ...(choice.kind === 'src' ? {campaign: choice.written} : {})};
  const key = JSON.stringify(request);
  // What changes only the script's address (the folder, the hash) needs no new markup: the code follows at once.
  const known: Promise<WorkerAnswer> = lastMarkup?.key === key ? Promise.resolve({id: 0, markup: lastMarkup.markup}) : prerendered(request);
  let settled = false;
  if (lastMarkup?.key === key) snippet.value = `${lastMarkup.markup}\n${takeOverTags}`;
  else {
    // The code on show is for the settings before: not to be copied until this one is made.
    copyButton.disabled = true;
    // Said only if making it takes a while: typing would otherwise swap it with the result at every key.
    setTimeout(() => turn === rendering && !settled && sayEmbed('Making the pre-rendered code for these settings…', ''), 500);
  }
  const chosenLang = chosen.find(([name]) => name === 'lang')?.[1] ?? null;
  const campaignDefault = choice.campaign?.defaultLocale ?? 'en';
  void known.then(async ({markup, problem}) => {
    settled = true;
    if (turn !== rendering) return;
    copyButton.disabled = false;
    if (markup) lastMarkup = {key, markup};
    if (!markup) {
      snippet.value = scriptOnly;
      sayEmbed(`It cannot be pre-rendered as set: ${problem?.replace(/\.$/, '')}. The code below is script only.`, 'problem');
      scriptOnlyHashes();
      return;
    }
    // The markup first, then the script: the reader sees the widget before the script arrives.
    snippet.value = `${markup}\n${takeOverTags}`;
    sayEmbed(
      chosenLang
        ? `The code holds the widget’s first view, in ${languageName(chosenLang)}.`
        : `The code holds the widget’s first view in ${languageName(campaignDefault)}, the campaign’s first language: code made beforehand cannot know the page’s language or the reader’s. The script then shows the widget in theirs, or offers it; choose a language above for pages in another.`,
      'ok',
    );
    await showPolicyHashes(
      turn,
      {
        map: takeOverMap,
        mapDoes: 'the import map that pins the script and its chunks: without it browsers refuse the map, and load them unchecked',
        loader: takeOverMap === null ? null : takeOver,
        style: styleText(markup),
        styleDoes: 'the pre-rendered view’s own styles (until the script arrives; its styles are never blocked)',
      },
      sources,
    );
  });
}

/** The build's chunks (`chunks/…`) and their hashes. */
const builtChunks = (): Array<[name: string, hash: string]> => Object.entries(built.files).filter(([name]) => name.startsWith('chunks/'));

/**
 * The chunks the module loads later (zod and the sending client, a language's strings) are
 * pinned too: browsers check a module's import() against the page's import map `integrity`. With
 * `withModule`, the module itself as well, for code that imports it rather than naming it in a
 * `<script src integrity>`. The map's text, or null when there is nothing to pin.
 */
function pinningMap(withModule: boolean): string | null {
  if (!URL.canParse(moduleFile)) return null;
  const chunks = builtChunks();
  if (!chunks.length && !withModule) return null;
  const pins = Object.fromEntries([
    ...(withModule ? [[new URL(moduleFile).href, integrity]] : []),
    ...chunks.map(([name, hash]) => [new URL(name, moduleFile).href, hash]),
  ]);
  return JSON.stringify({integrity: pins}).replace(/</g, '\\u003c');
}

/**
 * What the first view waits for in the widget's language (`lang`, else the campaign's default),
 * fetched beside the script rather than once it has run, which would cost a slow phone a round
 * trip: the built-in campaign's texts in that language, and a translated interface's strings.
 * Each with its hash, as the import map pins it.
 */
function firstViewChunks(): Array<[url: string, hash: string]> {
  if (!URL.canParse(moduleFile)) return [];
  const lang = input<HTMLSelectElement>('#lang').value || defaultCampaign.defaultLocale;
  const wanted = (name: string) => name.startsWith(`chunks/${lang}-`) || (choice.kind === 'builtin' && name.startsWith(`chunks/default-campaign-${lang}-`));
  return Object.entries(built.files)
    .filter(([name]) => wanted(name))
    .map(([name, hash]) => [new URL(name, moduleFile).href, hash]);
}

/** For the script-only code, which names the script in a tag: the first view's chunks as preloads. */
const preloadLinks = (): string[] =>
  firstViewChunks().map(([url, hash]) => `<link rel="modulepreload" href="${escapeAttribute(url)}" integrity="${hash}" crossorigin="anonymous">`);

/**
 * For pre-rendered code: a module that imports the script, the first view's chunks and the checks'
 * chunk (the take-over waits for it: it holds the form that replaces the markup's), which the
 * import map pins. A browser starts fetching it only where the parser reaches it, after the
 * markup, where a `<script src>` or a preload is fetched as soon as the page's first bytes are
 * read: fetching while the markup is parsed put the view's checkboxes 12 ms later on the bench
 * (README, "Pre-rendered embed"). The checks' chunk fetched beside the script, rather than once the
 * script asks for it, brought the take-over on the slow phone 130–165 ms sooner.
 */
function takeOverImports(): string {
  if (!URL.canParse(moduleFile)) return '';
  const checks = builtChunks().filter(([name]) => name.startsWith('chunks/checks-'));
  const urls = [new URL(moduleFile).href, ...firstViewChunks().map(([url]) => url), ...checks.map(([name]) => new URL(name, moduleFile).href)];
  return urls.map((url) => `import ${JSON.stringify(url).replace(/</g, '\\u003c')};`).join(' ');
}

/**
 * The address the code loads: the folder as typed with `civic-action.js` after it, or the file's
 * own address. Only a full address: a relative one would be read against the partner's page, which
 * this page cannot ask. Throws on anything else.
 */
function scriptAddress(typed: string): string {
  const trimmed = typed.trim();
  const url = new URL(trimmed);
  // Other schemes (data:, a typo such as htps:) are no host a reader's browser loads a module from.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`not a web address: ${url.protocol}`);
  if (/\.m?js$/i.test(url.pathname)) return trimmed;
  return `${trimmed.replace(/\/?$/, '/')}civic-action.js`;
}

const base64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

/** Keeps only the last of several overlapping checks: typing an address starts one per keystroke. */
function latest() {
  let current = 0;
  return () => {
    const mine = ++current;
    return () => mine === current;
  };
}
const scriptCheckTurn = latest();
const campaignCheckTurn = latest();

/**
 * Asks the address as a reader's browser will (CORS, no cookies), and says what came back: nothing,
 * an error status, a file that is not this build (which the integrity check would refuse), or this build.
 */
async function checkScript(url: string): Promise<void> {
  const stillMine = scriptCheckTurn();
  const say = (text: string, state: 'wait' | 'ok' | 'problem') => {
    if (!stillMine()) return;
    scriptCheck.replaceChildren('The code loads ', Object.assign(document.createElement('code'), {textContent: url}), `. ${text}`);
    scriptCheck.dataset.state = state;
  };
  // The placeholder, and any name under .example (reserved for examples): asking it could only fail, in the console too.
  if (/(^|\.)example$/i.test(new URL(url).hostname)) {
    return say('That is an example address: give the folder on your own host, or http://127.0.0.1:5173/dist/ to try the code on this machine (npm start).', 'problem');
  }
  say('Asking it…', 'wait');
  let response: Response;
  try {
    response = await fetch(url, {mode: 'cors', credentials: 'omit', cache: 'no-store'});
  } catch {
    return say(
      'It did not answer from here: the address is wrong, the host is down, or it does not send ' +
        'Access-Control-Allow-Origin, which browsers need to check the integrity hash. Readers would get no widget.',
      'problem',
    );
  }
  if (!response.ok) {
    return say(`It answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: civic-action.js is not there. Upload the files from dist/ to that folder, or correct the address.`, 'problem');
  }
  const type = response.headers.get('Content-Type') ?? '';
  const hash = crypto.subtle ? `sha384-${base64(await crypto.subtle.digest('SHA-384', await response.arrayBuffer()))}` : null;
  if (!/javascript|ecmascript/i.test(type)) {
    return say(`It answered, but as ${type || 'an unknown type'}: browsers run a module only when it is served as text/javascript.`, 'problem');
  }
  if (hash !== null && integrity && hash !== integrity) {
    return say(`It answered, but the file there is not this build: its integrity hash differs, so browsers will refuse to run it. Upload this build's files from dist/.`, 'problem');
  }
  if (hash === null) return say('It answered with a script.', 'ok');
  const chunk = await chunkProblem(url);
  if (chunk) {
    return say(
      `The file there is this build, but ${chunk}: the widget would show the list but not the message form, and after pre-rendered markup the script would not run at all. Upload all of dist/, its chunks/ folder included.`,
      'problem',
    );
  }
  say(`It answered: the file there is this build (civic-action ${built.version}), and so are its chunks.`, 'ok');
}

/**
 * The chunks beside the script, asked as a reader's browser will: what is wrong with the first
 * that is missing or not this build's, or null. A folder uploaded without its chunks/ is an easy
 * mistake that the script's own answer does not show.
 */
async function chunkProblem(script: string): Promise<string | null> {
  const problems = await Promise.all(
    builtChunks().map(async ([name, expected]) => {
      try {
        const response = await fetch(new URL(name, script), {mode: 'cors', credentials: 'omit', cache: 'no-store'});
        if (!response.ok) return `${name} answered ${response.status}`;
        const hash = `sha384-${base64(await crypto.subtle.digest('SHA-384', await response.arrayBuffer()))}`;
        return hash === expected ? null : `${name} there is not this build's`;
      } catch {
        return `${name} did not answer`;
      }
    }),
  );
  return problems.find((problem) => problem !== null) ?? null;
}

function rehost(): void {
  const typed = input('#base').value;
  try {
    moduleFile = scriptAddress(typed);
  } catch {
    moduleFile = typed.trim();
    scriptCheck.textContent = 'This is not a full address: write it like https://your-host.example/civic-action/0.1.0/';
    scriptCheck.dataset.state = 'problem';
    render();
    return;
  }
  render();
  void checkScript(moduleFile);
}

/** The widget's and the message's languages, and the pick bounds, follow the campaign. */
function followCampaign(campaign: Campaign | null): void {
  const locales = campaign ? campaignLocales(campaign) : ['en', 'es'];
  for (const select of [input<HTMLSelectElement>('#lang'), input<HTMLSelectElement>('#message-lang')]) {
    const kept = select.value;
    const first = select.options[0]!;
    const options = locales.map((locale) => {
      const option = document.createElement('option');
      option.value = locale;
      // Each language named in itself, as the widget's own switcher names it.
      option.textContent = new Intl.DisplayNames([locale], {type: 'language'}).of(locale) ?? locale;
      return option;
    });
    select.replaceChildren(first, ...options);
    select.value = locales.includes(kept) ? kept : '';
  }
  const count = campaign?.recommendations.length;
  for (const id of ['#min-picks', '#max-picks']) {
    if (count) input(id).max = String(count);
    else input(id).removeAttribute('max');
  }
  input('#max-picks').placeholder = count ? String(count) : '';
  input<HTMLElement>('#picked-help').textContent = campaign ? `This campaign's ids: ${campaign.recommendations.map((r) => r.id).join(', ')}.` : '';
}

function describeCampaign(campaign: Campaign): string {
  return `${campaign.recommendations.length} recommendation${campaign.recommendations.length === 1 ? '' : 's'}, in ${campaignLocales(campaign).join(', ')} (default ${campaign.defaultLocale}).`;
}

function readInline(): void {
  let written: unknown;
  try {
    written = JSON.parse(campaignJson.value);
  } catch (error) {
    choice = {kind: 'inline', campaign: null};
    campaignCheck.textContent = `This is not JSON: ${(error as Error).message}.`;
    campaignCheck.dataset.state = 'problem';
    return;
  }
  const parsed = parseCampaign(written);
  choice = {kind: 'inline', campaign: parsed.success ? parsed.data : null, written};
  campaignCheck.textContent = parsed.success ? `A campaign of ${describeCampaign(parsed.data)}` : `The widget would refuse it: ${describeIssues(parsed.error.issues)}.`;
  campaignCheck.dataset.state = parsed.success ? 'ok' : 'problem';
}

/** Fetches the `src` file as the widget will (no cookies, CORS), for its languages and plain text, and says what came. */
async function readSrc(): Promise<void> {
  const stillMine = campaignCheckTurn();
  const typed = input('#src').value.trim();
  choice = {kind: 'src', campaign: fetchedSrc?.url === typed ? fetchedSrc.campaign : null, written: fetchedSrc?.url === typed ? fetchedSrc.written : undefined};
  if (!typed) {
    campaignCheck.textContent = 'Give the address of the campaign file.';
    campaignCheck.dataset.state = 'problem';
    return;
  }
  if (fetchedSrc?.url === typed) return;
  if (!URL.canParse(typed)) {
    campaignCheck.textContent =
      'A relative address is read against the page the code is pasted into, which this page cannot ask: the widget will fetch it there.';
    campaignCheck.dataset.state = 'wait';
    return;
  }
  campaignCheck.textContent = 'Asking it…';
  campaignCheck.dataset.state = 'wait';
  let problem = '';
  let campaign: Campaign | null = null;
  let written: unknown;
  try {
    const response = await fetch(typed, {credentials: 'omit', cache: 'no-store'});
    if (!response.ok) problem = `It answered ${response.status}: there is no campaign there.`;
    else {
      written = await response.json();
      const parsed = parseCampaign(written);
      if (parsed.success) campaign = parsed.data;
      else problem = `It answered, but the widget would refuse it: ${describeIssues(parsed.error.issues)}.`;
    }
  } catch (error) {
    problem = `It could not be read from here (${(error as Error).message}): the address is wrong, it is not JSON, or its host does not allow other sites (CORS).`;
  }
  if (!stillMine() || input('#src').value.trim() !== typed) return;
  fetchedSrc = {url: typed, campaign, written};
  choice = {kind: 'src', campaign, written};
  campaignCheck.textContent = campaign ? `It answered: a campaign of ${describeCampaign(campaign)}` : problem;
  campaignCheck.dataset.state = campaign ? 'ok' : 'problem';
  followCampaign(campaign);
  render();
}

function chooseCampaign(): void {
  const kind = (form.querySelector<HTMLInputElement>('[name=campaign-kind]:checked')?.value ?? 'builtin') as CampaignChoice['kind'];
  input<HTMLElement>('#inline-group').hidden = kind !== 'inline';
  input<HTMLElement>('#src-group').hidden = kind !== 'src';
  if (kind === 'builtin') {
    choice = {kind, campaign: defaultCampaign};
    campaignCheck.textContent = '';
    delete campaignCheck.dataset.state;
  } else if (kind === 'inline') {
    if (!campaignJson.value.trim()) campaignJson.value = JSON.stringify(SAMPLE_CAMPAIGN, null, 2);
    readInline();
  } else {
    void readSrc();
  }
  followCampaign(choice.campaign);
}

async function start(): Promise<void> {
  input('#retries').placeholder = String(defaultRetryPolicy.retries);
  input('#timeout').placeholder = String(DEFAULT_TIMEOUT_MS / 1000);
  // The plain-text fallback says, in the widget's language, that sending needs the script (fallbackLines).
  // Settled, not all: a language whose strings fail to load is written in English (inLocale), not a builder that never starts.
  await Promise.allSettled(interfaceLocales.map(loadInterfaceLocale));
  chooseCampaign();
  try {
    const response = await fetch('/dist/integrity.json', {cache: 'no-store'});
    if (!response.ok) throw new Error(String(response.status));
    built = await response.json();
    integrity = built.files['civic-action.js'] ?? '';
    status.textContent = `Integrity hash of this build of civic-action ${built.version}.`;
  } catch {
    status.textContent = 'The build was not found: run npm run build, then reload this page.';
  }
  rehost();
}

form.addEventListener('input', (event) => {
  const target = event.target as HTMLElement;
  if (target.id === 'base') return rehost();
  if (target.getAttribute('name') === 'campaign-kind') chooseCampaign();
  else if (target.id === 'campaign-json') {
    readInline();
    followCampaign(choice.campaign);
  } else if (target.id === 'src') void readSrc();
  render();
});
copyButton.addEventListener('click', async () => {
  await navigator.clipboard.writeText(snippet.value);
  document.querySelector('#copy-status')!.textContent = 'Copied.';
});
void start();
