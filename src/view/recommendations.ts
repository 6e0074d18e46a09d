import {html, nothing} from 'lit';
import {live} from 'lit/directives/live.js';
import {msg, str} from '@lit/localize';
import {pluralRules} from '../i18n/intl.js';
import {checksLoaded} from '../lazy/checks-loader.js';
import {boundsHint, picksProblem} from './problem-texts.js';
import {langIfOther, textOf, type WidgetActions, type WidgetView} from './widget-view.js';

/** The recommendations to pick from, with the count of picks and, with `tally-src`, how many back each. */
export function renderRecommendations(view: WidgetView, actions: WidgetActions) {
  const {campaign, form, tally} = view;
  const problem = picksProblem(view);
  const total = campaign.recommendations.length;
  // At the limit, the remaining boxes wait until one is unpicked; "Pick all" would pass it.
  const atMax = form.picks.size >= view.bounds.max;
  const hint = boundsHint(view);
  return html`
    <fieldset part="recommendations" class="recommendations" aria-describedby=${[hint ? 'picks-hint' : '', problem ? 'picks-problem' : ''].join(' ').trim() || nothing}>
      <legend><h3>${msg('Pick the recommendations you support')}</h3></legend>
      ${hint ? html`<p id="picks-hint" class="help">${hint}</p>` : nothing}
      <div class="bulk">
        ${view.bounds.max >= total ? html`<button type="button" class="secondary" @click=${actions.pickAll}>${msg('Pick all')}</button>` : nothing}
        <button type="button" class="secondary" @click=${actions.clearAll}>${msg('Clear all')}</button>
      </div>
      ${problem ? html`<p id="picks-problem" class="problem">${problem}</p>` : nothing}
      <div class="picks-bar" part="picks-bar">
        <p part="count" class="count" role="status">${pickCountText(view)}</p>
        <button type="button" class="secondary" @click=${actions.goToMessage}>${msg('Go to my message')}</button>
      </div>
      <ul class="recommendation-list" role="list" @change=${actions.pickChange} @click=${actions.toggleFullText}>
        ${campaign.recommendations.slice(0, view.rowsShown).map((recommendation) => {
          const id = `recommendation-${recommendation.id}`;
          const title = textOf(view, recommendation.title);
          const text = textOf(view, recommendation.text);
          const backers = tally ? (tally.recommendations[recommendation.id] ?? 0) : null;
          const open = form.opened.has(recommendation.id);
          return html`
            <li part="recommendation" class="recommendation">
              <input
                type="checkbox"
                id=${id}
                data-recommendation=${recommendation.id}
                aria-describedby=${backers === null ? `${id}-text` : `${id}-tally ${id}-text`}
                aria-invalid=${problem ? 'true' : nothing}
                ?disabled=${atMax && !form.picks.has(recommendation.id)}
                .checked=${live(form.picks.has(recommendation.id))}
              />
              <label for=${id} lang=${langIfOther(view, title?.lang)}>${title?.text}</label>
              <button type="button" id="more-${recommendation.id}" class="more" data-more=${recommendation.id} aria-expanded=${open ? 'true' : 'false'} aria-controls="${id}-text" aria-label="${msg('Full text')}: ${title?.text}">
                <span class="chevron" aria-hidden="true"></span>
              </button>
              ${backers === null
                ? nothing
                : html`<p part="recommendation-tally" id="${id}-tally" class="recommendation-tally">${checksLoaded()!.backersText(view, backers)}</p>`}
              <p id="${id}-text" class="recommendation-text" lang=${langIfOther(view, text?.lang)} ?hidden=${!open}>${text?.text}</p>
            </li>
          `;
        })}
      </ul>
    </fieldset>
  `;
}

function pickCountText({form, campaign, interfaceLocale}: WidgetView): string {
  const count = form.picks.size;
  const total = campaign.recommendations.length;
  // Short enough to share one line with "Go to my message" on a phone; the legend above says what is picked.
  // Plural rules, not concatenation: languages differ in how many forms they have.
  return pluralRules(interfaceLocale).select(count) === 'one'
    ? msg(str`Picked: ${count} of ${total}`, {id: 'picked-count-one'})
    : msg(str`Picked: ${count} of ${total}`, {id: 'picked-count-other'});
}
