import type {ReactiveControllerHost} from 'lit';
import {whenIdle} from '../platform/idle.js';
import {loadChecks} from '../lazy/checks-loader.js';
import type {Tally} from './tally.js';

/**
 * The live counts of `tally-src`. They are a nicety: they wait until the page is idle, so that
 * they never hold up the first render or a reader's first tap, and a slow or failing counter
 * leaves the widget as it is.
 */
export class TallyController {
  private tally: Tally | null = null;
  /** The address asked last: an answer for an address the organizer has since changed is not this counter's. */
  private wanted: URL | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** The tally, once there is someone to count: "0 people have spoken up" would only discourage. */
  get shown(): Tally | null {
    return this.tally && this.tally.total > 0 ? this.tally : null;
  }

  /** Asks `url` (written as `raw`) for the counts, once the page is idle. */
  schedule(url: URL | null, raw: string | null, timeoutMs: number): void {
    this.tally = null;
    this.wanted = url;
    if (!url) return;
    whenIdle(async () => {
      try {
        const tally = await (await loadChecks()).fetchTally(url, timeoutMs);
        if (this.wanted === url) {
          this.tally = tally;
          this.host.requestUpdate();
        }
      } catch (error) {
        if (this.wanted === url) console.error(`<civic-action>: could not load the counts at tally-src="${raw}": ${(error as Error).message}. Not showing them.`);
      }
    });
  }
}
