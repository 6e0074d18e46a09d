import {isServer} from 'lit';
import {listFormat, pluralRules} from './intl.js';
import {interfaceLocaleFor, interfaceReady} from './localization.js';
import {whenIdle} from '../platform/idle.js';
import {campaignLanguageReady} from '../lazy/campaign-languages.js';
import {prepareLocale} from '../lazy/before-render.js';
import {campaignLocales} from '../campaign/campaign-text.js';
import type {Campaign} from '../campaign/campaign-schema.js';

/**
 * Builds, while the reader is still reading, what the first pick and the first language switch
 * would otherwise build while they wait: each language's plural rules and list format (the
 * first use of a language's Intl data is the slow part) and its message (`compose`, once the
 * checks' chunk that composes it is there). One piece per idle period, so that none of them
 * delays a tap. And the built-in campaign's texts in the language `offer`ed to a reader whose
 * browser prefers it (its strings came with the offer, which is written in them): the language
 * that reader is likely to switch to, where any other reader would download it for nothing.
 * In the checks' chunk: the element calls it once that has come, for each campaign it shows.
 */
export function warmUp(campaign: Campaign, compose: (locale: string) => unknown, offer: string | undefined): void {
  // A server render draws one view: nothing to warm, and no reader's language to offer.
  if (isServer) return;
  if (offer) whenIdle(() => prepareLocale(campaign, offer));
  for (const locale of campaignLocales(campaign)) {
    whenIdle(() => pluralRules(interfaceLocaleFor(locale)).select(2));
    whenIdle(() => listFormat(locale).format(['', '']));
    // Not a language whose strings (or built-in campaign texts) have not loaded: its message would
    // be kept with English in it, and loading them here would download every language for every reader.
    whenIdle(() => interfaceReady(locale) && campaignLanguageReady(campaign, locale) && compose(locale));
  }
}
