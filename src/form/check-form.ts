import type {FieldConfig} from '../config/attributes.js';
import {LIMITS} from '../send/limits.js';
import {EMAIL} from '../email.js';
import type {FormProblems, PickBounds, SupporterFields} from './supporter-fields.js';

// In the checks' chunk (src/lazy/checks.ts): the form is checked first when the reader presses send, in the form it brings.

const validEmail = (value: string) => email.test(value);

// zod's own rule for addresses (what `z.email()` checks), without loading zod to apply it.
const email = EMAIL;

/**
 * Checks the form before sending. `fields` says which supporter fields are asked and which
 * are required; `null` when the message goes from the reader's own email app, where
 * nothing reaches the organizer, so only picks matter.
 */
export function checkForm(supporter: SupporterFields, pickCount: number, fields: FieldConfig | null, bounds: PickBounds): FormProblems {
  const problems: FormProblems = {};
  if (pickCount === 0) problems.picks = 'required';
  else if (pickCount < bounds.min) problems.picks = 'too-few';
  else if (pickCount > bounds.max) problems.picks = 'too-many';
  if (!fields) return problems;
  const name = supporter.name.trim();
  const email = supporter.email.trim();
  const postalCode = supporter.postalCode.trim();
  if (fields.name === 'required' && !name) problems.name = 'required';
  else if (name.length > LIMITS.name) problems.name = 'too-long';
  if (fields.email === 'required' && !email) problems.email = 'required';
  else if (email && (email.length > LIMITS.email || !validEmail(email))) problems.email = 'invalid';
  if (fields.postalCode === 'required' && !postalCode) problems.postalCode = 'required';
  else if (postalCode.length > LIMITS.postalCode) problems.postalCode = 'too-long';
  return problems;
}
