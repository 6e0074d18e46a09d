import {msg, str} from '@lit/localize';
import {numberFormat, pluralRules} from '../i18n/intl.js';
import type {WidgetView} from './widget-view.js';

// In the checks' chunk: a tally is fetched with it (tally-controller.ts), so none is shown before it has loaded.

/** "1,234 people have spoken up", under the title. */
export function tallyTotalText({formatLocale, interfaceLocale}: WidgetView, total: number): string {
  const n = numberFormat(formatLocale).format(total);
  return pluralRules(interfaceLocale).select(total) === 'one'
    ? msg(str`${n} person has spoken up`, {id: 'tally-total-one'})
    : msg(str`${n} people have spoken up`, {id: 'tally-total-other'});
}

/** "12 people back this", under a recommendation. */
export function backersText({formatLocale, interfaceLocale}: WidgetView, backers: number): string {
  const n = numberFormat(formatLocale).format(backers);
  return pluralRules(interfaceLocale).select(backers) === 'one'
    ? msg(str`${n} person backs this`, {id: 'tally-backers-one'})
    : msg(str`${n} people back this`, {id: 'tally-backers-other'});
}
