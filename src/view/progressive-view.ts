import {isServer, type ReactiveController, type ReactiveElement} from 'lit';
import {checksLoaded, loadChecks, unloadable} from '../lazy/checks-loader.js';

/** Rows in a long list's first frame: more than the tallest screen shows above the fold. */
export const FIRST_ROWS = 40;
/**
 * Rows added in each frame after it. The bench measured about 0.25 ms of script, style and layout
 * a row on its machine: 60 rows keep each step well inside a 16 ms frame.
 */
export const ROWS_PER_FRAME = 60;

/**
 * Renders the widget's first view a step at a time: the first screen of the list at once, the rest
 * in the frames after it, each after the previous one is painted. Five hundred rows laid out in
 * one go held the widget's first paint for as long as the browser takes to lay out five hundred
 * rows, in one long task that also held the reader's first tap. Every row is in the page (and
 * in the accessibility tree) a few frames later, and `updateComplete` waits for the last (see
 * `finished`). What the picks and the message hold never depends on which rows are rendered.
 *
 * The form below the list (message, supporter fields, send) comes with the step that brings the
 * last row (the second, for most lists), the first time a list is shown, and not before the
 * checks' chunk that holds it has loaded (see `lazy/checks.ts`): it is below the fold on any
 * screen, and leaving it out of the first frame and the first script makes the checkboxes usable
 * sooner. Once shown it stays, whatever list comes later, so that a reader typing in it never
 * loses its fields. Its styles come in the chunk too, and are added to the element's before any
 * render that can show what the chunk brings. A chunk that fails to load is said in its place,
 * with a button to try again (`retry`), and tried again at the reader's next update (a pick):
 * Chromium fetches a module that failed on the network anew when it is imported again (one
 * refused for its integrity it does not, and no retry mends that).
 *
 * Lists of `FIRST_ROWS` or fewer render whole in the first step. A server render, and a list whose
 * pre-rendered markup is on screen, render whole with the form at once: there the reader may
 * already have scrolled to row 300 and ticked it, or typed their name (the take-over waits for
 * the chunk, and leaves the markup alone if it never comes: see the element's `TakeOverController`).
 */
export class ProgressiveView implements ReactiveController {
  private list: readonly unknown[] | null = null;
  private count = Infinity;
  private stepping = false;
  private waiters: Array<() => void> = [];
  private formHeld = !isServer;
  private formFailed = false;
  private formLoading = false;
  /** Set once the failure is on screen: the update that shows it is not the reader's, and retries nothing. */
  private retryArmed = false;
  private served = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** How many of `list`'s rows this render shows, and whether the form; a new list starts again from its first screen. */
  shown(list: readonly unknown[], whole: boolean): {rowsShown: number; formShown: boolean; formUnloadable: boolean} {
    if (list !== this.list) {
      this.list = list;
      this.count = isServer || whole ? Infinity : FIRST_ROWS;
      if (whole) this.formHeld = false;
      this.schedule();
    }
    const formShown = !this.formHeld && Boolean(checksLoaded());
    return {rowsShown: Math.min(this.count, list.length), formShown, formUnloadable: !formShown && this.formFailed};
  }

  /** Whether the form's chunk has loaded or failed. */
  private get formSettled(): boolean {
    return Boolean(checksLoaded()) || this.formFailed;
  }

  /** Resolves once every row of the current list is rendered (at once, for most lists), and the form. */
  finished(): Promise<void> {
    return this.complete ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** After a failed load, each later update (a pick, a language) tries the chunk again. */
  hostUpdate(): void {
    if (this.formFailed && this.retryArmed && !this.formLoading) this.loadForm();
    const checks = checksLoaded();
    // Once per element, when the chunk first serves it: the form's styles first (see `serveElement`).
    if (checks && !this.served && this.host.renderRoot instanceof ShadowRoot) {
      this.served = true;
      checks.serveElement(this.host as ReactiveElement & {renderRoot: ShadowRoot});
    }
  }

  hostDisconnected(): void {
    // Away from the page nothing is painted: the rest renders at once.
    if (this.complete) return;
    this.count = Infinity;
    this.formHeld = false;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    // Once the first update is out: nothing of the chunk (its request, its evaluation) then competes
    // with the first view, which does not need it. On a server the renderer loads it before it renders.
    if (!isServer && !checksLoaded() && !this.formLoading && !this.formFailed) this.loadForm();
    this.retryArmed = this.formFailed;
    if (this.complete) for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Whether every row is rendered, and the form unless it is still loading. */
  private get complete(): boolean {
    return this.stepsDone && this.formSettled;
  }

  private get stepsDone(): boolean {
    return this.list === null || (!this.formHeld && this.count >= this.list.length);
  }

  /**
   * The reader's "Try again" under the notice: the notice goes while the chunk is fetched once
   * more, and comes back (announced again) if it fails again. Settles when the load does.
   */
  retry(): Promise<unknown> {
    // The update this asks for hands the same load to `loadForm` (`hostUpdated`), which shows its outcome.
    this.formFailed = false;
    this.host.requestUpdate();
    return loadChecks().catch(() => undefined);
  }

  /** A failure that is not the first changes nothing on screen, so it renders nothing: offline, updates do not loop. */
  private loadForm(): void {
    this.formLoading = true;
    loadChecks().then(
      () => {
        this.formLoading = this.formFailed = false;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.formLoading = false;
        if (this.formFailed) return;
        this.formFailed = true;
        console.error(`<civic-action>: ${unloadable(error)}.`);
        this.host.requestUpdate();
      },
    );
  }

  /**
   * The next rows in a task after the next frame is painted, so that each step is a frame of its
   * own. A hidden page gets no frames (a background tab) and paints nothing: there the rest comes
   * at once.
   */
  private schedule(): void {
    if (this.stepping || this.stepsDone || isServer) return;
    this.stepping = true;
    const step = () =>
      setTimeout(() => {
        this.stepping = false;
        this.count = document.visibilityState === 'hidden' ? Infinity : this.count + ROWS_PER_FRAME;
        // The form is below the last row: it comes with it, rather than adding to an earlier step.
        // Only ever released here: once shown it stays, through every later list.
        if (this.count >= (this.list?.length ?? 0)) this.formHeld = false;
        this.host.requestUpdate();
        this.schedule();
      });
    if (document.visibilityState === 'hidden') step();
    else requestAnimationFrame(step);
  }
}
