import {html} from 'lit';
import {msg} from '@lit/localize';
import type {WidgetActions} from './widget-view.js';

/**
 * Why there is no campaign to show, when loading it again may mend it (a network's blip, a host
 * down for a moment), with the button that does: a reader on a train need not reload the page.
 * In the checks' chunk, which a campaign from `src` loads to fetch it.
 */
export const renderRetryNotice = (actions: WidgetActions) => html`
  <p part="notice" class="notice" role="alert">${msg('This action could not be loaded. Check your connection, then try again.')}</p>
  <button type="button" class="try-again" @click=${actions.retryCampaign}>${msg('Try again')}</button>
`;
