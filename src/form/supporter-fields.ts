import type {FieldConfig} from '../config/attributes.js';
import {LIMITS} from '../send/limits.js';
import {EMAIL} from '../email.js';

const validEmail = (value: string) => email.test(value);

/** What the supporter typed about themselves. */
export interface SupporterFields {
  name: string;
  email: string;
  postalCode: string;
  consent: boolean;
}

export const emptySupporter = (): SupporterFields => ({name: '', email: '', postalCode: '', consent: false});

/** Why a field is not ready to send; the view turns each into a message in the reader's language. */
export type FieldProblem = 'required' | 'invalid' | 'too-long' | 'too-few' | 'too-many';
export type FormProblems = Partial<Record<'picks' | 'name' | 'email' | 'postalCode', FieldProblem>>;

/** How many recommendations a supporter must pick: at least one, unless the organizer says more. */
export interface PickBounds {
  min: number;
  max: number;
}

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
