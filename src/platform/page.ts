import {isServer} from 'lit';

/**
 * What the widget reads from the page and the browser, in one place, so that pre-rendering (in
 * Node, where there is no page, browser or reader) gets neutral answers rather than a crash.
 */

/**
 * The address relative attribute URLs are read against. Pre-rendered markup keeps every
 * attribute as written, so the page resolves them later; this one only lets the checks pass
 * as they would for a relative address on any https page.
 */
export const PRERENDER_BASE = 'https://prerender.invalid/';

export const pageBase = (): string => (isServer ? PRERENDER_BASE : document.baseURI);

/**
 * When pre-rendering: the language of the page the markup is for (`--lang`), standing in for
 * the page's `lang`. Set only for the length of one synchronous render.
 */
export const prerenderedPage: {lang: string | null} = {lang: null};

/** The page's language: the nearest `lang` around the widget. */
export const pageLangOf = (host: Element): string | null =>
  isServer ? prerenderedPage.lang : (host.parentElement?.closest('[lang]')?.getAttribute('lang') ?? null);

/** The browser's languages, most preferred first; none when pre-rendering, where the page's and the organizer's decide. */
export const browserLanguages = (): readonly string[] => (isServer ? [] : (navigator.languages ?? [navigator.language]));

/** Whether the system's share sheet is there to offer. */
export const canShareNatively = (): boolean => !isServer && 'share' in navigator;

/** Watches the page's `lang` attributes; a no-op when pre-rendering, where the page does not change. */
export function observePageLang(onChange: () => void): MutationObserver | undefined {
  if (isServer) return undefined;
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {attributes: true, attributeFilter: ['lang'], subtree: true});
  return observer;
}
