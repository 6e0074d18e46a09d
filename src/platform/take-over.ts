import {isServer, ReactiveElement, type LitElement, type PropertyValues, type ReactiveController} from 'lit';
import type {Campaign} from '../campaign/campaign-schema.js';
import type {SupporterFields} from '../form/supporter-fields.js';
import {checksLoaded} from '../lazy/checks-loader.js';
import {toggled, withPicks, withSupporter, type FormCheck, type FormState, type Reconcile} from '../state/form-state.js';

/**
 * What a reader did in the pre-rendered markup (`civic-action/prerender`) before the script
 * arrived: only what they changed (a box they ticked or unticked, a field they typed in), so that
 * a returning reader's saved draft, which the markup cannot show, is not undone by boxes they
 * never touched.
 */
export interface EarlyInput {
  ticks: ReadonlyMap<string, boolean>;
  supporter: Partial<SupporterFields>;
  /** Where the reader was typing, to put the caret back after the take-over. */
  focus: {id: string; start: number | null; end: number | null} | null;
}

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
  const consent = root.getElementById('supporter-consent') as HTMLInputElement | null;
  if (consent && consent.checked !== consent.defaultChecked) supporter.consent = consent.checked;
  const active = root.activeElement as HTMLInputElement | null;
  const typing = active?.id && active.tagName === 'INPUT';
  const focus = active?.id ? {id: active.id, start: typing ? active.selectionStart : null, end: typing ? active.selectionEnd : null} : null;
  root.replaceChildren();
  return {ticks, supporter, focus};
}

/** The form with the reader's early ticks and typing in it, as if they had done them with the script there. */
export function withEarlyInput(form: FormState, early: EarlyInput, campaign: Campaign, check: FormCheck, reconcile: Reconcile): FormState {
  let picks = form.picks;
  const known = new Set(campaign.recommendations.map((r) => r.id));
  for (const [id, on] of early.ticks) if (known.has(id)) picks = toggled(picks, id, on);
  const next = picks === form.picks ? form : withPicks(form, picks, campaign, check, reconcile);
  return Object.keys(early.supporter).length ? withSupporter(next, early.supporter, check) : next;
}

/** After the first render: focus, and the caret, back where the reader had them. */
export function refocus(root: ShadowRoot, early: EarlyInput): void {
  const {focus} = early;
  const target = focus && (root.getElementById(focus.id) as HTMLInputElement | null);
  target?.focus();
  if (target && focus.start !== null) target.setSelectionRange(focus.start, focus.end);
}

/**
 * The element's update without its render (Lit's `ReactiveElement` part of it: reflected
 * attributes, the update marked done), for an update that must leave the markup alone.
 */
export function updateWithoutRender(host: ReactiveElement, changed: PropertyValues): void {
  (ReactiveElement.prototype as unknown as {update(changed: PropertyValues): void}).update.call(host, changed);
}

/**
 * The take-over, wired to the element. The markup is read and emptied at the element's first
 * update, just before its first render, not when the element is made: the script may hold its
 * first render back (for a reader's language strings, or a campaign's check), and until then the
 * markup stays on screen and in use, and what the reader does there meanwhile is kept too. An
 * upgrade reuses the declarative root (Lit renders into `this.shadowRoot` when there is one), so
 * without emptying it the first render would add to it. What the reader did goes into the form in
 * the first update whose campaign is there, after the saved draft and `picked`, which it changes;
 * focus goes back after that update's render.
 */
export class TakeOverController implements ReactiveController {
  /** Whether the markup is still there to read: only in a browser, before the first render. */
  private pending: boolean;
  private early: EarlyInput | null = null;
  private carried: EarlyInput | null = null;

  /**
   * `ready`: whether what the markup shows is there to render: the campaign (not still loading from
   * `src`), the form's chunk. Until then the markup stays, and if it never comes the markup is what
   * the reader has, as without the script: its plain form post still sends.
   */
  constructor(
    private readonly host: LitElement,
    private readonly ready: () => boolean,
  ) {
    this.pending = !isServer;
    host.addController(this);
  }

  /**
   * Whether the element must leave the markup alone in this update: it is there, and the campaign
   * is still loading. A "Loading…" in its place would empty a view the reader may be using, and
   * move the page twice.
   */
  get waiting(): boolean {
    return this.pending && !this.ready() && Boolean(this.host.shadowRoot?.firstChild);
  }

  /** Whether the element took over pre-rendered markup: its first render replaced a view already on screen. */
  tookOver = false;

  /** `form` with the early input in it, once. */
  carryOver(form: FormState, campaign: Campaign, check: FormCheck): FormState {
    this.read();
    const {early} = this;
    if (!early) return form;
    this.early = null;
    this.carried = early;
    // The take-over waits for the chunk (`ready`), which applies the ticks to a restored edit of the message.
    return withEarlyInput(form, early, campaign, check, checksLoaded()?.reconcileEditedBody);
  }

  /** Before every update; the first that renders (an error notice, say, with no campaign to carry into) empties the markup. */
  hostUpdate(): void {
    if (!this.waiting) this.read();
  }

  hostUpdated(): void {
    if (this.carried && this.host.shadowRoot) refocus(this.host.shadowRoot, this.carried);
    this.carried = null;
  }

  private read(): void {
    if (!this.pending) return;
    this.pending = false;
    this.early = takeOver(this.host.shadowRoot);
    this.tookOver = this.early !== null;
    // Lit renders before the root's first child as it was when the element connected: the markup's, gone now.
    if (this.early) this.host.renderOptions.renderBefore = null;
  }
}
