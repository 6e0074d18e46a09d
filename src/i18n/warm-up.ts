import {listFormat, pluralRules} from './intl.js';
import {interfaceLocaleFor} from './localization.js';
import {whenIdle} from '../platform/idle.js';

/**
 * Builds, while the reader is still reading, what the first pick and the first language switch
 * would otherwise build while they wait: each language's plural rules and list format (the
 * first use of a language's Intl data is the slow part) and its message (`compose`). One piece
 * per idle period, so that none of them delays a tap.
 */
export function warmUp(locales: readonly string[], compose: (locale: string) => unknown): void {
  for (const locale of locales) {
    whenIdle(() => pluralRules(interfaceLocaleFor(locale)).select(2));
    whenIdle(() => listFormat(locale).format(['', '']));
    whenIdle(() => compose(locale));
  }
}
