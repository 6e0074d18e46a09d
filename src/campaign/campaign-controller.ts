import {isServer, type ReactiveController, type ReactiveControllerHost} from 'lit';
import {readPageUrl} from '../config/attributes.js';
import {emit} from '../platform/events.js';
import {pageBase, pageLangOf} from '../platform/page.js';
import type {Campaign} from './campaign-schema.js';
import {defaultCampaign} from './default-campaign.js';
import {checksLoaded, loadChecks, unloadable, type Checks} from '../lazy/checks-loader.js';
import {campaignTextsProblem, retryBuiltInTexts} from '../lazy/campaign-languages.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The campaign a widget shows: the built-in one, one given inline (a child
 * `<script type="application/json">`), one fetched from `src`, or one set as a property.
 * Never a blank box: a campaign that cannot be used leaves the reader a short notice and the
 * organizer the exact problem, in the console and as an error event.
 */
export class CampaignController implements ReactiveController {
  current: Campaign = defaultCampaign;
  /** Why the organizer's campaign cannot be used; the widget shows a notice instead. */
  problem: string | null = null;
  loading = false;
  /** The `src` load under way: a newer one, or the element leaving the page, cancels it. */
  load: AbortController | null = null;
  /**
   * An organizer's campaign being checked (the schema loads on demand): the element holds its
   * render until then, so that the built-in campaign never flashes in its place. Never rejects.
   */
  checking: Promise<void> | null = null;
  /** The `src` to load, until it has loaded or failed: an element moved in the page loads it again. */
  wanted: [url: URL, raw: string | null, timeoutMs: number] | null = null;
  /**
   * What `tryAgain` does, where the problem may pass (a network's blip, a host down for a moment):
   * the `src` load, or the built-in campaign's texts. Not for a campaign that is not valid.
   */
  again: (() => unknown) | null = null;

  /** `changed` hears of each campaign taken, with the one it replaces. */
  constructor(
    readonly host: Host,
    readonly changed: (campaign: Campaign, previous: Campaign) => void,
  ) {
    host.addController(this);
  }

  /**
   * Whether the organizer's campaign is on its way, from a `src` that is a URL or being checked (one
   * given inline or as the property, from the element's start): the built-in campaign's texts are
   * then never shown, so neither loaded nor missed.
   */
  coming(src: string | null): boolean {
    return Boolean(this.checking || readPageUrl(src, pageBase()).value);
  }

  hostConnected(): void {
    // A page's script may set `campaign` before the tag is defined (civic-action.ts waits for what
    // the first render needs): the value then sits on the element itself, hiding the setter, and
    // would be shown unchecked. It goes through the setter, and the schema, here: not in the
    // constructor, where the element's later fields (this controller among them) are not set yet.
    if (this.host.hasOwnProperty('campaign')) {
      const {campaign} = this.host as Host & {campaign: unknown};
      delete (this.host as Partial<Host & {campaign: unknown}>).campaign;
      this.set(campaign);
    }
    if (this.wanted) void this.loadFrom(...this.wanted);
    const script = inlineScript(this.host);
    if (!script) return;
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch (error) {
      return fail(this, `the inline campaign is not JSON: ${(error as Error).message}`);
    }
    void accept(this, data, 'the inline campaign');
  }

  hostDisconnected(): void {
    cancelLoad(this);
  }

  // The built-in campaign's texts load before a render (lazy/before-render.ts), where there is no
  // element to send the error event from; the render that shows their notice is when to tell.
  hostUpdated(): void {
    const problem = this.problem ? null : this.textsProblem;
    if (problem) fail(this, problem, retryBuiltInTexts);
  }

  /**
   * The reader asks to try again (the notice's button): the notice goes, and what failed loads
   * again. Settles once the render that shows how it went is done.
   */
  async tryAgain(): Promise<void> {
    const again = this.again;
    this.again = this.problem = null;
    this.host.requestUpdate();
    await again?.();
    await this.host.updateComplete;
  }

  /**
   * Why the built-in campaign's texts cannot be shown (`campaignTextsProblem`), unless another
   * campaign is on its way (fetched or checked), whose "Loading…" is shown instead: the texts are
   * the page's, and another widget may have missed them.
   */
  get textsProblem(): string | null {
    return this.loading || this.checking ? null : campaignTextsProblem(this.current);
  }

  /** A campaign set as a property: one that does not match the format leaves the current one. */
  set(value: unknown): void {
    void check(this, (checks) => {
      const result = checks.parseCampaign(value, pageLang(this.host));
      if (result.success) return take(this, result.data);
      console.error(`<civic-action>: the campaign is not valid: ${checks.describeIssues(result.error.issues)}. Keeping the current campaign.`);
    });
  }

  /** Fetches the campaign at `src` (written as `raw`), unless one is given inline, which wins. */
  async loadFrom(url: URL | null, raw: string | null, timeoutMs: number): Promise<void> {
    cancelLoad(this);
    this.wanted = url && [url, raw, timeoutMs];
    // Pre-rendering is given the campaign (`src/prerender/`): it fetches nothing and keeps no timer.
    if (!url || isServer || inlineScript(this.host)) return;
    // An earlier address's notice, and its offer to try it again, go with it.
    this.problem = this.again = null;
    const load = (this.load = new AbortController());
    setLoading(this, true);
    try {
      // The checks' chunk, which reads the campaign anyway, brings what fetches it. The same wait as
      // for the endpoint: a file that never comes must not leave "Loading…" forever.
      const {fetchJson} = await loadChecks().catch((error: unknown) => Promise.reject(new Error(unloadable(error))));
      const data = await fetchJson(url, timeoutMs, load.signal);
      if (!load.signal.aborted) await accept(this, data, `the campaign at src="${raw}"`);
    } catch (error) {
      // A file that is not there, or not JSON, would fail again: only a blip is offered again.
      const again = (error as {lasting?: boolean}).lasting ? null : () => this.loadFrom(url, raw, timeoutMs);
      if (!load.signal.aborted) fail(this, `could not load the campaign at src="${raw}": ${(error as Error).message}`, again);
    } finally {
      // Only the latest load may say that loading is over.
      if (this.load === load) {
        this.load = this.wanted = null;
        setLoading(this, false);
      }
    }
  }
}

// The controller's own steps, as functions rather than private methods: their names then shrink
// in the build, which methods' names cannot.

function cancelLoad(controller: CampaignController): void {
  controller.load?.abort();
  controller.load = null;
  if (controller.loading) setLoading(controller, false);
}

function setLoading(controller: CampaignController, loading: boolean): void {
  controller.loading = loading;
  controller.host.requestUpdate();
}

/** The page's language, which a campaign that names no `defaultLocale` takes as its default if it has it. */
const pageLang = (host: Host) => pageLangOf(host);

const inlineScript = (host: Host) => host.querySelector(':scope > script[type="application/json"]');

/**
 * Runs `use` once the checks' chunk is there, and has the element wait for it (an update is asked
 * for now, so that `updateComplete` covers the check). Checks run in the order they were asked for.
 */
function check(controller: CampaignController, use: (checks: Checks) => void): Promise<void> {
  // Once loaded, at once: setting the property then changes `campaign` before the setter returns.
  const loaded = checksLoaded();
  if (loaded) return Promise.resolve(use(loaded));
  const checking = (controller.checking = loadChecks().then(use, (error: unknown) => fail(controller, unloadable(error))));
  void checking.then(() => {
    if (controller.checking === checking) controller.checking = null;
  });
  controller.host.requestUpdate();
  return checking;
}

function accept(controller: CampaignController, data: unknown, what: string): Promise<void> {
  return check(controller, ({parseCampaign, describeIssues, warnOfUntranslatedMessage}) => {
    const result = parseCampaign(data, pageLang(controller.host));
    if (!result.success) return fail(controller, `${what} is not valid: ${describeIssues(result.error.issues)}`);
    take(controller, result.data);
    warnOfUntranslatedMessage(result.data);
  });
}

function take(controller: CampaignController, campaign: Campaign): void {
  const previous = controller.current;
  controller.current = campaign;
  controller.problem = null;
  controller.changed(campaign, previous);
}

function fail(controller: CampaignController, problem: string, again: (() => unknown) | null = null): void {
  console.error(`<civic-action>: ${problem}.`);
  controller.problem = problem;
  controller.again = again;
  controller.host.requestUpdate();
  emit(controller.host, 'civic-action-error', {campaign: controller.current.id, kind: 'campaign', reason: problem});
}
