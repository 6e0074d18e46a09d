import * as z from 'zod/mini';
import {LIMITS} from '../send/submission-schema.js';

/** What the supporter typed about themselves. */
export interface SupporterFields {
  name: string;
  email: string;
  postalCode: string;
  consent: boolean;
}

export const emptySupporter = (): SupporterFields => ({name: '', email: '', postalCode: '', consent: false});

/** Why a field is not ready to send; the view turns each into a message in the reader's language. */
export type FieldProblem = 'required' | 'invalid' | 'too-long';
export type FormProblems = Partial<Record<'picks' | 'name' | 'email' | 'postalCode', FieldProblem>>;

const Email = z.email();

/**
 * Checks the form before sending. `needsContact` is false when the message goes from the
 * reader's own email app: then nothing reaches the organizer, so only picks matter.
 */
export function checkForm(fields: SupporterFields, pickCount: number, needsContact: boolean): FormProblems {
  const problems: FormProblems = {};
  if (pickCount === 0) problems.picks = 'required';
  if (!needsContact) return problems;
  const name = fields.name.trim();
  const email = fields.email.trim();
  if (!name) problems.name = 'required';
  else if (name.length > LIMITS.name) problems.name = 'too-long';
  if (!email) problems.email = 'required';
  else if (email.length > LIMITS.email || !Email.safeParse(email).success) problems.email = 'invalid';
  if (fields.postalCode.trim().length > LIMITS.postalCode) problems.postalCode = 'too-long';
  return problems;
}
