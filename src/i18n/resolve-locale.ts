/**
 * Which language a reader gets. Pure: every input is passed in, so the rules can be
 * tested without a page.
 */

/** The best of `available` for a language tag: exact match first, then the same base language (`es-MX` gives `es`). */
export function matchLocale(tag: string | null | undefined, available: readonly string[]): string | undefined {
  const wanted = tag?.trim().toLowerCase();
  if (!wanted) return undefined;
  const exact = available.find((a) => a.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  return (
    available.find((a) => a.toLowerCase() === base) ?? available.find((a) => a.toLowerCase().split('-')[0] === base)
  );
}

export type LocaleSource = 'chosen' | 'element' | 'page' | 'browser' | 'default';

export interface LocaleInputs {
  /** What this reader picked in the switcher earlier. */
  chosen?: string | null;
  /** The `lang` attribute on `<civic-action>` itself. */
  elementLang?: string | null;
  /** The nearest ancestor's `lang`: the page's language. */
  pageLang?: string | null;
  /** `navigator.languages`, most preferred first. */
  browserLangs: readonly string[];
  /** The languages the campaign is written in. */
  available: readonly string[];
  /** The campaign's default language. */
  fallback: string;
}

export interface ResolvedLocale {
  locale: string;
  source: LocaleSource;
  /** A language the reader's browser prefers, offered one click away when it differs from `locale`. */
  offer?: string;
}

/**
 * A reader's own earlier choice wins over everything, because it is the only signal that
 * comes from the reader rather than from the organizer or the page. Then the element's
 * `lang`, the page's `lang`, the browser's languages, and the campaign's default.
 */
export function resolveLocale(inputs: LocaleInputs): ResolvedLocale {
  const {available} = inputs;
  const browser = inputs.browserLangs.map((tag) => matchLocale(tag, available)).find(Boolean);
  const candidates: Array<[LocaleSource, string | undefined]> = [
    ['chosen', matchLocale(inputs.chosen, available)],
    ['element', matchLocale(inputs.elementLang, available)],
    ['page', matchLocale(inputs.pageLang, available)],
    ['browser', browser],
  ];
  const [source, locale] = candidates.find(([, l]) => l !== undefined) ?? ['default', inputs.fallback];
  const resolved: ResolvedLocale = {locale: locale ?? inputs.fallback, source};
  // Only offer when the organizer or the page decided: a reader who chose, or whose
  // browser decided, already has the language they prefer.
  if ((source === 'element' || source === 'page') && browser && browser !== resolved.locale) {
    resolved.offer = browser;
  }
  return resolved;
}
