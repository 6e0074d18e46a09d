import {msg, str} from '@lit/localize';
import type {FieldProblem} from '../form/supporter-fields.js';
import {numberFormat} from '../i18n/intl.js';
import {LIMITS} from '../send/limits.js';
import type {FormField} from '../state/form-state.js';
import type {WidgetView} from './widget-view.js';

type SupporterField = Exclude<FormField, 'picks'>;

/** What is wrong with a supporter's field: our own check first, else what the receiver said. The picks' texts are problem-texts.ts. */
export function fieldProblem(view: WidgetView, field: SupporterField): string | undefined {
  const problem = view.form.problems[field];
  return problem ? problemText(view, field, problem) : view.form.serverProblems[field];
}

function problemText(view: WidgetView, field: SupporterField, problem: FieldProblem): string {
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
