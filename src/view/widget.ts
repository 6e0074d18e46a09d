import {html, nothing} from 'lit';
import {msg} from '@lit/localize';
import {campaignLocales} from '../campaign/campaign-text.js';
import {checksLoaded} from '../lazy/checks-loader.js';
import {prepareLocale} from '../lazy/before-render.js';
import {renderLanguages} from './language-switcher.js';
import {renderRecommendations} from './recommendations.js';
import {textOf, type WidgetActions, type WidgetView} from './widget-view.js';

/** The whole widget: a notice when its campaign cannot be shown, the thank-you once sent, else the form. */
export function renderWidget(view: WidgetView, actions: WidgetActions) {
  const {campaignProblem, campaignLoading, sendState} = view;
  return html`
    <div part="base" class="widget" lang=${view.interfaceLocale}>
      ${renderLanguages(view.offer, campaignProblem || campaignLoading ? [] : campaignLocales(view.campaign), view.locale, actions.chooseLocale, (locale) => prepareLocale(view.campaign, locale))}
      ${campaignProblem
        ? view.campaignRetryable && checksLoaded()
          ? checksLoaded()!.renderRetryNotice(actions)
          : html`<p part="notice" class="notice" role="alert">${msg('This action could not be loaded. Please try again later.')}</p>`
        : campaignLoading
          ? html`<p class="status" role="status">${msg('Loading…')}</p>`
          : sendState?.phase === 'sent'
            ? // Only a delivery, which comes with the checks' chunk, says "sent".
              checksLoaded()!.renderConfirmation(view, actions, sendState.confirm)
            : renderForm(view, actions)}
    </div>
  `;
}

function renderForm(view: WidgetView, actions: WidgetActions) {
  const title = textOf(view, view.campaign.title);
  const intro = textOf(view, view.campaign.intro);
  // An interrupted send is read from a draft with the checks' chunk's schemas: it is there by then.
  return html`
    <header class="header">
      <h2 part="title" tabindex="-1" lang=${title?.lang ?? nothing}>${title?.text}</h2>
      ${intro ? html`<p part="intro" class="intro" lang=${intro.lang}>${intro.text}</p>` : nothing}
      ${view.tally ? html`<p part="tally" class="tally">${checksLoaded()!.tallyTotalText(view, view.tally.total)}</p>` : nothing}
    </header>
    ${view.interrupted ? checksLoaded()!.renderInterrupted(view, actions) : nothing}
    <form novalidate @submit=${actions.submit}>
      ${renderRecommendations(view, actions)}
      ${view.formShown
        ? checksLoaded()!.renderBelowList(view, actions)
        : // Without the chunk, said in the form's place (and the checkboxes keep working).
          view.formUnloadable
          ? html`<p id="form-notice" part="notice" class="notice" role="alert" tabindex="-1">${msg('The message form could not be loaded. Check your connection, then try again.')}</p>
              <button type="button" class="try-again" @click=${actions.retryForm}>${msg('Try again')}</button>`
          : nothing}
    </form>
  `;
}
