import {isServer, ReactiveElement, type LitElement, type PropertyValues, type ReactiveController} from 'lit';
import type {Campaign} from '../campaign/campaign-schema.js';
import type {SupporterFields} from '../form/supporter-fields.js';
import {checksLoaded} from '../lazy/checks-loader.js';
import type {FormCheck, FormState} from '../state/form-state.js';

/**
 * What a reader did in the pre-rendered markup (`civic-action/prerender`) before the script
 * arrived: only what they changed (a box they ticked or unticked, a field they typed in), so that
 * a returning reader's saved draft, which the markup cannot show, is not undone by boxes they
 * never touched.
 */
export interface EarlyInput {
  ticks: ReadonlyMap<string, boolean>;
  supporter: Partial<SupporterFields>;
  /** Recommendations whose full text the reader opened (the markup's toggles work without the script). */
  opened: ReadonlySet<string>;
  /**
   * Where the reader was typing, to put the caret back after the take-over, and how far from the
   * top of the window the focused control was (`top`), to keep it there.
   */
  focus: {id: string; start: number | null; end: number | null; top: number} | null;
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
   * `src`, nor failed to; the built-in one's texts, which a render waits for, loaded; the one the
   * markup shows, see `showsCampaign` in early-input.ts), the form's chunk. Until then the markup
   * stays, and if it never comes the markup is what the reader has, as without the script: its
   * plain form post still sends. (The organizer is told, in the console and an error event, as for
   * any campaign that cannot load, or why the markup stays.)
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

  /**
   * Since when the reader has seen the form, for a send's fill time (`signals.fillMs`): the page's
   * start where the element took over markup, which was on screen and in use while the script
   * loaded (a reader who filled it in then is no fast bot, and must not be held as one); else
   * `renderedAt`, when the element's own render showed it.
   */
  shownSince(renderedAt: number): number {
    return this.tookOver ? 0 : renderedAt;
  }

  /** `form` with the early input in it, once. */
  carryOver(form: FormState, campaign: Campaign, check: FormCheck): FormState {
    this.read();
    const {early} = this;
    if (!early) return form;
    this.early = null;
    this.carried = early;
    // Read with the chunk there (see `read`), which also applies the ticks to a restored edit of the message.
    const checks = checksLoaded()!;
    return checks.withEarlyInput(form, early, campaign, check, checks.reconcileEditedBody);
  }

  /** Before every update; the first that renders (an error notice, say, with no campaign to carry into) empties the markup. */
  hostUpdate(): void {
    if (!this.waiting) this.read();
  }

  hostUpdated(): void {
    if (this.carried && this.host.shadowRoot) checksLoaded()!.refocus(this.host.shadowRoot, this.carried);
    this.carried = null;
  }

  private read(): void {
    if (!this.pending) return;
    this.pending = false;
    const root = this.host.shadowRoot;
    // Markup is read only once the chunk is there (`ready`: until then the element waits, see `waiting`).
    this.early = root?.firstChild ? checksLoaded()!.takeOver(root) : null;
    this.tookOver = this.early !== null;
    // Lit renders before the root's first child as it was when the element connected: the markup's, gone now.
    if (this.early) this.host.renderOptions.renderBefore = null;
  }
}
