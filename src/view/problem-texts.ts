import {msg, str} from '@lit/localize';
import type {FieldProblem} from '../form/supporter-fields.js';
import {numberFormat, pluralRules} from '../i18n/intl.js';
import {LIMITS} from '../send/limits.js';
import type {FormField} from '../state/form-state.js';
import type {WidgetView} from './widget-view.js';

/** What is wrong with a field: our own check first, else what the receiver said. */
export function fieldProblem(view: WidgetView, field: FormField): string | undefined {
  const problem = view.form.problems[field];
  return problem ? problemText(view, field, problem) : view.form.serverProblems[field];
}

/** The hint under the list when the organizer bounds the picks; empty when they do not. */
export function boundsHint({bounds: {min, max}, campaign, interfaceLocale}: WidgetView): string {
  if (max < campaign.recommendations.length) return min > 1 && min < max ? msg(str`Pick from ${min} to ${max} recommendations.`) : atMost(max, interfaceLocale);
  return min > 1 ? atLeast(min) : '';
}

// Plural rules, not concatenation: languages differ in how many forms they have.
const atMost = (max: number, interfaceLocale: string) =>
  pluralRules(interfaceLocale).select(max) === 'one'
    ? msg(str`Pick at most ${max} recommendation.`, {id: 'picks-too-many-one'})
    : msg(str`Pick at most ${max} recommendations.`, {id: 'picks-too-many-other'});

const atLeast = (min: number) => (min <= 1 ? msg('Pick at least one recommendation.') : msg(str`Pick at least ${min} recommendations.`, {id: 'picks-too-few-other'}));

function problemText(view: WidgetView, field: FormField, problem: FieldProblem): string {
  if (field === 'picks') return problem === 'too-many' ? atMost(view.bounds.max, view.interfaceLocale) : atLeast(view.bounds.min);
  if (problem === 'too-long') {
    const max = numberFormat(view.formatLocale).format(LIMITS[field]);
    return msg(str`This is too long: use at most ${max} characters.`);
  }
  if (field === 'name') return msg('Enter your name.');
  if (field === 'email') {
    return problem === 'required' ? msg('Enter your email address.') : msg('This email address is not valid. Write it like this: name@example.org');
  }
  return msg('Check this field.');
}

