import {html, nothing} from 'lit';
import {live} from 'lit/directives/live.js';
import {msg, str} from '@lit/localize';
import type {FieldConfig, FieldName} from '../config/attributes.js';
import {LIMITS} from '../send/limits.js';
import {renderField} from './field.js';
import {FIELD_SELECTORS} from './field-selectors.js';
import {fieldProblem} from './field-problem-texts.js';
import type {WidgetActions, WidgetView} from './widget-view.js';
import {onItsWay} from './on-its-way.js';

/** The supporter fields, in the order asked; labels are functions so they follow the render's language. */
const SUPPORTER_FIELDS: Array<{
  key: FieldName;
  type?: string;
  autocomplete: string;
  labels: () => [required: string, optional: string];
}> = [
  {key: 'name', autocomplete: 'name', labels: () => [msg('Your name'), msg('Your name (optional)')]},
  {key: 'email', type: 'email', autocomplete: 'email', labels: () => [msg('Your email'), msg('Your email (optional)')]},
  {key: 'postalCode', autocomplete: 'postal-code', labels: () => [msg('Postal code'), msg('Postal code (optional)')]},
];

/** Who the supporter is: the fields the organizer asks (only an optional name for the email fallback), consent, and the honeypot. */
export function renderSupporter(view: WidgetView, actions: WidgetActions) {
  const {endpoint, fields} = view.options;
  const asked: FieldConfig = endpoint ? fields : {name: 'optional'};
  return html`
    <fieldset part="supporter" class="supporter">
      <legend><h3>${msg('About you')}</h3></legend>
      ${SUPPORTER_FIELDS.map(({key, type, autocomplete, labels}) => {
        const use = asked[key];
        if (!use) return nothing;
        const [required, optional] = labels();
        return renderField(
          {
            id: FIELD_SELECTORS[key].slice(1),
            label: use === 'required' ? required : optional,
            required: use === 'required',
            ...(type ? {type} : {}),
            value: view.form.supporter[key],
            autocomplete,
            max: LIMITS[key],
            problem: fieldProblem(view, key),
            // Read-only rather than disabled: a reader who sent with Enter in a field keeps focus there.
            readonly: onItsWay(view),
            onInput: (value) => actions.updateSupporter({[key]: value}),
          },
          view.formatLocale,
        );
      })}
      ${asked.email ? renderConsent(view, actions) : nothing} ${endpoint ? renderHoneypot(view, actions) : nothing}
    </fieldset>
  `;
}

/** Consent to hear from the organizer: unchecked until the reader checks it. */
function renderConsent(view: WidgetView, actions: WidgetActions) {
  const {org, privacyUrl} = view.options;
  return html`<div part="consent" class="consent">
    <input
      type="checkbox"
      id="supporter-consent"
      ?disabled=${onItsWay(view)}
      .checked=${live(view.form.supporter.consent)}
      @change=${(e: Event) => actions.updateSupporter({consent: (e.target as HTMLInputElement).checked})}
    />
    <label for="supporter-consent"
      >${org ? msg(str`Yes, ${org} may contact me about this campaign.`) : msg('Yes, the organizers may contact me about this campaign.')}</label
    >
    ${privacyUrl ? html`<a class="privacy" href=${privacyUrl.href} target="_blank" rel="noopener">${msg('Privacy policy')}</a>` : nothing}
  </div>`;
}

/**
 * A field people never see or reach (off screen, hidden from assistive technology, out of
 * the tab order) and form-filling scripts tend to fill in.
 */
function renderHoneypot(view: WidgetView, actions: WidgetActions) {
  return html`<div class="honeypot" aria-hidden="true">
    <label for="supporter-website">${msg('Leave this field empty')}</label>
    <input
      id="supporter-website"
      name="website"
      tabindex="-1"
      autocomplete="off"
      .value=${live(view.form.honeypot)}
      @input=${(e: Event) => actions.fillHoneypot((e.target as HTMLInputElement).value)}
    />
  </div>`;
}
