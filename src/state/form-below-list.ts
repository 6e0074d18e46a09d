import type {FormField, FormState} from './form-state.js';

// What only the form below the list changes in the form's state (the message's edits, a receiver's
// refusal of a send): it comes with that form, in the checks' chunk, not in the first script.

export const withEditedMessage = (state: FormState, text: string, locale: string): FormState => ({...state, edited: {text, locale}, discarded: null});

/** "Rebuild it from my picks": the edit is dropped, and kept for an undo. */
export const startedAgain = (state: FormState): FormState => ({...state, discarded: state.edited, edited: null, keptEdited: []});

export const undoneStartAgain = (state: FormState): FormState => ({...state, edited: state.discarded, discarded: null});

/** Receiver field names (paths into the payload) and the fields they mean. */
const SERVER_FIELDS: Record<string, FormField> = {
  'supporter.name': 'name',
  'supporter.email': 'email',
  'supporter.postalCode': 'postalCode',
  recommendations: 'picks',
};

/** What a receiver's refusal said about each field; fields the form does not have are left out. */
export function refusedFields(state: FormState, fields: Readonly<Record<string, string>>): FormState {
  const mapped = Object.entries(fields).flatMap(([path, text]) => (SERVER_FIELDS[path] ? [[SERVER_FIELDS[path], text]] : []));
  return {...state, serverProblems: Object.fromEntries(mapped)};
}
