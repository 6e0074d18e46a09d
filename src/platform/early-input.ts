import type {Campaign} from '../campaign/campaign-schema.js';
import type {SupporterFields} from '../form/supporter-fields.js';
import {toggled, withPicks, withSupporter, type FormCheck, type FormState, type Reconcile} from '../state/form-state.js';
import type {EarlyInput} from './take-over.js';

// Reading, carrying over and refocusing what a reader did in pre-rendered markup: in the checks'
// chunk (src/lazy/checks.ts), which the take-over waits for anyway (`TakeOverController`'s `ready`).

const FIELDS: ReadonlyArray<[id: string, key: 'name' | 'email' | 'postalCode']> = [
  ['supporter-name', 'name'],
  ['supporter-email', 'email'],
  ['supporter-postal-code', 'postalCode'],
];

/**
 * Takes over a declarative shadow root the markup brought, if any: reads what the reader did in
 * it, then empties it for the script's first render. The script renders afresh rather than
 * hydrating (Lit's hydration refused a reader whose language differs from the markup's, and
 * unticked early ticks), and carries what it read over into the form (`withEarlyInput`).
 */
export function takeOver(root: ShadowRoot | null): EarlyInput | null {
  if (!root?.firstChild) return null;
  const ticks = new Map<string, boolean>();
  for (const box of root.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-recommendation]')) {
    if (box.checked !== box.defaultChecked) ticks.set(box.dataset['recommendation']!, box.checked);
  }
  const supporter: Partial<SupporterFields> = {};
  for (const [id, key] of FIELDS) {
    const input = root.getElementById(id) as HTMLInputElement | null;
    if (input && input.value !== input.defaultValue) supporter[key] = input.value;
  }
  const opened = new Set([...root.querySelectorAll<HTMLInputElement>('input[data-more-toggle]:checked')].map((toggle) => toggle.dataset['moreToggle']!));
  const consent = root.getElementById('supporter-consent') as HTMLInputElement | null;
  if (consent && consent.checked !== consent.defaultChecked) supporter.consent = consent.checked;
  const active = root.activeElement as HTMLInputElement | null;
  const typing = active?.id && active.tagName === 'INPUT';
  const focus = active?.id ? {id: active.id, start: typing ? active.selectionStart : null, end: typing ? active.selectionEnd : null, top: active.getBoundingClientRect().top} : null;
  root.replaceChildren();
  return {ticks, supporter, opened, focus};
}

/** The form with the reader's early ticks, typing and opened texts in it, as if they had done them with the script there. */
export function withEarlyInput(form: FormState, early: EarlyInput, campaign: Campaign, check: FormCheck, reconcile: Reconcile): FormState {
  let picks = form.picks;
  const known = new Set(campaign.recommendations.map((r) => r.id));
  for (const [id, on] of early.ticks) if (known.has(id)) picks = toggled(picks, id, on);
  let next = picks === form.picks ? form : withPicks(form, picks, campaign, check, reconcile);
  if (Object.keys(early.supporter).length) next = withSupporter(next, early.supporter, check);
  const opened = [...early.opened].filter((id) => known.has(id) && !next.opened.has(id));
  return opened.length ? {...next, opened: new Set([...next.opened, ...opened])} : next;
}

/**
 * After the first render: focus, and the caret, back where the reader had them, and the control
 * where it was on screen. The script's view can be taller above it (the message box appears
 * above the fields once a pick is carried over): focusing it would scroll it into view wherever
 * it went, hundreds of pixels under a reader who is typing. The page is scrolled by what it moved.
 */
export function refocus(root: ShadowRoot, early: EarlyInput): void {
  const {focus} = early;
  const target = focus && (root.getElementById(focus.id) as HTMLInputElement | null);
  if (!target) return;
  target.focus({preventScroll: true});
  scrollBy(0, target.getBoundingClientRect().top - focus.top);
  if (focus.start !== null) target.setSelectionRange(focus.start, focus.end);
}

const warned = new WeakSet<ShadowRoot>();

/**
 * Whether pre-rendered markup shows the campaign the element has (its form's `data-campaign`;
 * markup made before it had one counts as the same). A campaign pre-rendered for a page that
 * sets the `campaign` property after its own fetch must not be replaced by the built-in one
 * meanwhile: the reader's ticks would be dropped, and the wrong campaign shown. The markup stays,
 * in use, until the element has the campaign it shows (the take-over's `ready`, in the
 * element); the organizer is told why, once.
 */
export function showsCampaign(root: ShadowRoot, campaign: string): boolean {
  const shown = root.querySelector<HTMLElement>('form[data-campaign]')?.dataset['campaign'];
  if (shown === undefined || shown === campaign) return true;
  if (!warned.has(root)) {
    warned.add(root);
    console.warn(
      `<civic-action>: the pre-rendered markup shows the campaign "${shown}", and the element has "${campaign}": the markup stays, in use, until the element has the campaign it shows (set the campaign property, or pre-render the campaign the element shows).`,
    );
  }
  return false;
}
