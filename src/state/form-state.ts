import type {Campaign} from '../campaign/campaign-schema.js';
import type {ReconcileInput, Reconciled} from '../message/compose-message.js';
import {emptySupporter, type FormProblems, type SupporterFields} from '../form/supporter-fields.js';

/** The message as the supporter last left it, in the language they edited it in. */
export interface EditedMessage {
  text: string;
  locale: string;
}

export type FormField = keyof FormProblems;

/**
 * Everything a supporter has done to the form, as one value. Each transition below returns a
 * new value and leaves the old one as it was, so the element re-renders on identity and a
 * transition can be tested without a page.
 */
export interface FormState {
  readonly picks: ReadonlySet<string>;
  /** The message as the supporter edited it; `null` while it is built from the picks. */
  readonly edited: EditedMessage | null;
  /** The edit dropped by "start again", kept so that it can be brought back. */
  readonly discarded: EditedMessage | null;
  /** Unpicked recommendations whose edited line was left in the message. */
  readonly keptEdited: readonly string[];
  readonly supporter: SupporterFields;
  readonly problems: FormProblems;
  /** Problems are shown once the reader first tries to send, then kept current as they type. */
  readonly showProblems: boolean;
  /** What the receiver said was wrong with a field, in its own words. */
  readonly serverProblems: Partial<Record<FormField, string>>;
  /** The field people never see, which form-filling scripts tend to fill in. */
  readonly honeypot: string;
  /** Recommendations whose full text the reader opened. */
  readonly opened: ReadonlySet<string>;
}

/**
 * Checks a form's fields and picks against what the organizer asks (`checkForm`). Asked only once
 * problems are shown, from the reader's first press of send: in the form, which comes with the
 * checks' chunk, which brings the element's check.
 */
export type FormCheck = (state: FormState) => FormProblems;

/**
 * Applies new picks to an edited message (`reconcileEditedBody`). It comes with the form, in the
 * checks' chunk: `undefined` before then, when there is no edited message yet to apply them to
 * (a reader edits in the form, and a saved edit is restored only with the chunk's schemas).
 */
export type Reconcile = ((input: ReconcileInput) => Reconciled) | undefined;

export const initialFormState = (): FormState => ({
  picks: new Set(),
  edited: null,
  discarded: null,
  keptEdited: [],
  supporter: emptySupporter(),
  problems: {},
  showProblems: false,
  serverProblems: {},
  honeypot: '',
  opened: new Set(),
});

/** Problems follow the form once they are shown, so that a fixed field stops being flagged. */
const revalidated = (state: FormState, check: FormCheck): FormState => (state.showProblems ? {...state, problems: check(state)} : state);

/**
 * New picks. An edited message keeps the reader's words: the lines of newly picked
 * recommendations are added, those of unpicked ones removed unless the reader changed them.
 */
export function withPicks(state: FormState, picks: ReadonlySet<string>, campaign: Campaign, check: FormCheck, reconcile: Reconcile): FormState {
  let next: FormState = {...state, picks};
  if (state.edited && reconcile) {
    const {body, keptEdited} = reconcile({campaign, locale: state.edited.locale, edited: state.edited.text, before: state.picks, after: picks});
    next = {...next, edited: {...state.edited, text: body}, keptEdited};
  }
  return revalidated(next, check);
}

/** Picks of a campaign that replaces another: those it no longer has are dropped. */
export function withinCampaign(state: FormState, campaign: Campaign): FormState {
  const ids = new Set(campaign.recommendations.map((r) => r.id));
  return {...state, picks: new Set([...state.picks].filter((id) => ids.has(id)))};
}

/** The picks with one recommendation ticked or unticked. */
export function toggled(picks: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(picks);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** The reader types about themselves. A receiver's word about a field stands until the reader changes that field. */
export function withSupporter(state: FormState, patch: Partial<SupporterFields>, check: FormCheck): FormState {
  const changed = Object.keys(patch);
  const serverProblems = Object.fromEntries(Object.entries(state.serverProblems).filter(([field]) => !changed.includes(field)));
  return revalidated({...state, supporter: {...state.supporter, ...patch}, serverProblems}, check);
}

/** Opens a recommendation's full text, or closes it. */
export const withFullTextToggled = (state: FormState, id: string): FormState => ({...state, opened: toggled(state.opened, id, !state.opened.has(id))});

/** The reader pressed send: problems are shown from now on. */
export const checked = (state: FormState, check: FormCheck): FormState => revalidated({...state, showProblems: true}, check);

export const hasProblems = (state: FormState): boolean => Object.keys(state.problems).length > 0;

export const withoutServerProblems = (state: FormState): FormState => ({...state, serverProblems: {}});

/** The fields in the order the reader meets them, first with a problem first. */
const FIELD_ORDER: readonly FormField[] = ['picks', 'name', 'email', 'postalCode'];

export const firstProblemField = (state: FormState): FormField | undefined =>
  FIELD_ORDER.find((field) => state.problems[field] || state.serverProblems[field]);

/** Whether the reader has started: a visitor who has not leaves nothing behind in storage. */
export function started(state: FormState): boolean {
  const {name, email, postalCode, consent} = state.supporter;
  return Boolean(state.edited || state.picks.size > 0 || consent || name || email || postalCode);
}
