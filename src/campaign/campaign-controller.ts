import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {emit} from '../platform/events.js';
import {fetchJson} from '../fetch-json.js';
import {interfaceLocales} from '../i18n/localization.js';
import {campaignLocales, campaignSchema, type Campaign} from './campaign-schema.js';
import {defaultCampaign} from './default-campaign.js';
import {describeIssues} from './describe-issues.js';

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
  private load: AbortController | null = null;

  /** `changed` hears of each campaign taken, with the one it replaces. */
  constructor(
    private readonly host: Host,
    private readonly changed: (campaign: Campaign, previous: Campaign) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const script = this.inlineScript();
    if (!script) return;
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch (error) {
      return this.fail(`the inline campaign is not JSON: ${(error as Error).message}`);
    }
    this.accept(data, 'the inline campaign');
  }

  hostDisconnected(): void {
    this.cancelLoad();
  }

  /** A campaign set as a property: one that does not match the format leaves the current one. */
  set(value: unknown): void {
    const result = campaignSchema().safeParse(value);
    if (!result.success) {
      console.error(`<civic-action>: the campaign is not valid: ${describeIssues(result.error.issues)}. Keeping the current campaign.`);
      return;
    }
    this.take(result.data);
  }

  /** Fetches the campaign at `src` (written as `raw`), unless one is given inline, which wins. */
  async loadFrom(url: URL | null, raw: string | null, timeoutMs: number): Promise<void> {
    this.cancelLoad();
    if (!url || this.inlineScript()) return;
    const load = (this.load = new AbortController());
    this.setLoading(true);
    try {
      // The same wait as for the endpoint: a file that never comes must not leave "Loading…" forever.
      const data = await fetchJson(url, timeoutMs, load.signal);
      if (!load.signal.aborted) this.accept(data, `the campaign at src="${raw}"`);
    } catch (error) {
      if (!load.signal.aborted) this.fail(`could not load the campaign at src="${raw}": ${(error as Error).message}`);
    } finally {
      // Only the latest load may say that loading is over.
      if (this.load === load) {
        this.load = null;
        this.setLoading(false);
      }
    }
  }

  private cancelLoad(): void {
    this.load?.abort();
    this.load = null;
    if (this.loading) this.setLoading(false);
  }

  private setLoading(loading: boolean): void {
    this.loading = loading;
    this.host.requestUpdate();
  }

  private inlineScript(): Element | null {
    return this.host.querySelector(':scope > script[type="application/json"]');
  }

  private accept(data: unknown, what: string): void {
    const result = campaignSchema().safeParse(data);
    if (!result.success) return this.fail(`${what} is not valid: ${describeIssues(result.error.issues)}`);
    this.take(result.data);
    warnOfUntranslatedMessage(result.data);
  }

  private take(campaign: Campaign): void {
    const previous = this.current;
    this.current = campaign;
    this.problem = null;
    this.changed(campaign, previous);
  }

  private fail(problem: string): void {
    console.error(`<civic-action>: ${problem}.`);
    this.problem = problem;
    this.host.requestUpdate();
    emit(this.host, 'civic-action-error', {campaign: this.current.id, kind: 'campaign', reason: problem});
  }
}

/**
 * A message written in a language the interface is not translated into takes its greeting,
 * lead and sign-off from the campaign; where the campaign has none, they would be English
 * inside, say, a French message. The organizer is told which to add.
 */
function warnOfUntranslatedMessage(campaign: Campaign): void {
  for (const locale of campaignLocales(campaign).filter((l) => !interfaceLocales.includes(l))) {
    const message = campaign.message ?? {};
    const missing = (['greeting', 'lead', 'signOff'] as const).filter((key) => !message[key]?.[locale]);
    if (missing.length) {
      console.warn(
        `<civic-action>: the campaign's message has no ${missing.map((k) => `message.${k}.${locale}`).join(', ')}, ` +
          `and the interface has no ${locale} translation, so a message in ${locale} would use English there.`,
      );
    }
  }
}
