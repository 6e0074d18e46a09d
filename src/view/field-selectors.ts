import {firstProblemField, type FormField, type FormState} from '../state/form-state.js';

/** Each field's control in the shadow root: where focus goes when it has a problem. */
export const FIELD_SELECTORS: Readonly<Record<FormField, string>> = {
  picks: 'input[type=checkbox][data-recommendation]',
  name: '#supporter-name',
  email: '#supporter-email',
  postalCode: '#supporter-postal-code',
};

/** Where focus goes to show the form's first problem, if it has one. */
export function firstProblemSelector(form: FormState): string | undefined {
  const field = firstProblemField(form);
  return field && FIELD_SELECTORS[field];
}
