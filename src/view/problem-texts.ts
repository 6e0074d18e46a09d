import {msg, str} from '@lit/localize';
import {pluralRules} from '../i18n/intl.js';
import type {WidgetView} from './widget-view.js';

/**
 * What is wrong with the picks: our own check first, else what the receiver said. The supporter
 * fields' texts come with the form (field-problem-texts.ts).
 */
export function picksProblem(view: WidgetView): string | undefined {
  const problem = view.form.problems.picks;
  if (!problem) return view.form.serverProblems.picks;
  return problem === 'too-many' ? atMost(view.bounds.max, view.interfaceLocale) : atLeast(view.bounds.min);
}

/** The hint under the list when the organizer bounds the picks; empty when they do not. */
export function boundsHint({bounds: {min, max}, campaign, interfaceLocale}: WidgetView): string {
  if (max < campaign.recommendations.length) {
    if (min > 1) return min < max ? msg(str`Pick from ${min} to ${max} recommendations.`) : msg(str`Pick exactly ${min} recommendations.`, {id: 'picks-exactly-other'});
    return atMost(max, interfaceLocale);
  }
  return min > 1 ? atLeast(min) : '';
}

// Plural rules, not concatenation: languages differ in how many forms they have.
const atMost = (max: number, interfaceLocale: string) =>
  pluralRules(interfaceLocale).select(max) === 'one'
    ? msg(str`Pick at most ${max} recommendation.`, {id: 'picks-too-many-one'})
    : msg(str`Pick at most ${max} recommendations.`, {id: 'picks-too-many-other'});

const atLeast = (min: number) => (min <= 1 ? msg('Pick at least one recommendation.') : msg(str`Pick at least ${min} recommendations.`, {id: 'picks-too-few-other'}));
