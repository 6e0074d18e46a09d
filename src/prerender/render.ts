import {render} from '@lit-labs/ssr';
import {collectResultSync} from '@lit-labs/ssr/lib/render-result.js';
import {html, unsafeStatic} from 'lit/static-html.js';
import {CivicAction} from '../civic-action.component.js';
import {campaignLocales, type Campaign} from '../campaign/campaign-schema.js';
import {describeIssues} from '../campaign/describe-issues.js';
import {parseCampaign} from '../campaign/parse-campaign.js';
import {defaultCampaign} from '../campaign/default-campaign.js';
import {interfaceLocales, loadInterfaceLocale} from '../i18n/localization.js';
import {loadChecks} from '../lazy/checks-loader.js';
import {noScriptStyles} from './no-script.styles.js';
import {loadCampaignLanguage} from '../lazy/campaign-languages.js';
import {resolveLocale} from '../i18n/resolve-locale.js';
import {parseEndpoint} from '../config/endpoint.js';
import {PRERENDER_BASE, prerenderedPage} from '../platform/page.js';
import {cleanMarkup} from './clean-markup.js';

/** A configuration the widget cannot be pre-rendered with: its message says what to change. */
export class PrerenderError extends Error {
  override name = 'PrerenderError';
}

export interface RenderRequest {
  /** The element's attributes, as the organizer writes them. */
  attributes: Readonly<Record<string, string>>;
  /** The campaign the element will show: parsed from `src` or given; the built-in one when undefined. */
  campaign?: unknown;
  /** The language of the page the markup goes into (the page's `lang`). */
  lang?: string | undefined;
}

// The shim registry of @lit-labs/ssr (or of the builder's worker) is where the renderer looks.
if (!customElements.get('civic-action')) customElements.define('civic-action', CivicAction);

/**
 * Attributes an organizer may set: the element's own, and the few every element has that the
 * markup may carry (`style` for the custom properties, as the builder writes the accent colour).
 * No `on…`, nor anything else.
 */
const allowedAttributes = (): Set<string> => new Set([...CivicAction.observedAttributes, 'id', 'class', 'style']);

const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/** The text of an attribute value between double quotes; parse5 writes it out again, escaped its own way. */
const quoted = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Every language's interface strings and built-in campaign texts, and the checks' chunk (the form below the list and its styles, the checks that take a campaign given as a property):
 * the element's build loads them on demand and holds its render until they are there, which a
 * render here cannot do. Await it before `renderElement`.
 */
export const rendererReady: Promise<unknown> = Promise.all([
  ...interfaceLocales.map((locale) => loadInterfaceLocale(locale)),
  ...campaignLocales(defaultCampaign).map((locale) => loadCampaignLanguage(defaultCampaign, locale)),
  // The form is in the markup from the start, so its styles (which a browser adds when the chunk comes) go in with the element's own.
  loadChecks().then(({formStyles}) => {
    for (const styles of [formStyles, noScriptStyles]) if (!CivicAction.elementStyles.includes(styles)) CivicAction.elementStyles.push(styles);
  }),
]);

/**
 * The `<civic-action>` element with its first view as a declarative shadow root, made the way
 * the script makes it (the same element class, views and styles), without a browser.
 */
export function renderElement({attributes, campaign: given, lang}: RenderRequest): string {
  const allowed = allowedAttributes();
  for (const name of Object.keys(attributes)) {
    if (!ATTRIBUTE_NAME.test(name) || !allowed.has(name)) {
      throw new PrerenderError(`"${name}" is not an attribute of <civic-action>; it has ${[...allowed].sort().join(', ')}`);
    }
  }
  let campaign: Campaign = defaultCampaign;
  if (given !== undefined) {
    const result = parseCampaign(given, lang);
    if (!result.success) throw new PrerenderError(`the campaign is not valid: ${describeIssues(result.error.issues)}`);
    campaign = result.data;
  }
  const locales = campaignLocales(campaign);
  if (lang !== undefined && !locales.includes(lang)) {
    throw new PrerenderError(`--lang ${lang}: the campaign has no text in that language; it has ${locales.join(', ')}`);
  }

  const problems: string[] = [];
  const markup = withConsoleErrors(problems, () => {
    prerenderedPage.lang = lang ?? null;
    try {
      const open = Object.entries(attributes).map(([name, value]) => ` ${name}="${quoted(value)}"`).join('');
      const element =
        given === undefined
          ? html`<civic-action${unsafeStatic(open)}></civic-action>`
          : html`<civic-action${unsafeStatic(open)} .campaign=${campaign}></civic-action>`;
      return collectResultSync(render(element));
    } finally {
      prerenderedPage.lang = null;
    }
  });
  // The widget tells organizers about attributes it cannot use in the console and goes on with
  // a default; markup made once and pasted for good must not carry a mistake silently.
  if (problems.length) throw new PrerenderError(problems.map((p) => p.replace(/^<civic-action>: /, '')).join('\n'));

  const locale = resolveLocale({elementLang: attributes['lang'] ?? null, pageLang: lang ?? null, browserLangs: [], available: locales, fallback: campaign.defaultLocale}).locale;
  const posts = attributes['endpoint-format'] === 'form' && attributes['endpoint'] !== undefined;
  if (posts) parseEndpoint(attributes['endpoint']!, PRERENDER_BASE);
  return cleanMarkup(markup, new Set(Object.keys(attributes)), campaign.id, posts ? {action: attributes['endpoint']!.trim(), campaign: campaign.id, locale} : null);
}

function withConsoleErrors<T>(problems: string[], work: () => T): T {
  const {error} = console;
  console.error = (...args: unknown[]) => problems.push(args.map(String).join(' '));
  try {
    return work();
  } finally {
    console.error = error;
  }
}
