import {html, nothing} from 'lit';
import {live} from 'lit/directives/live.js';
import {msg, str} from '@lit/localize';
import {numberFormat} from '../i18n/intl.js';

export interface FieldOptions {
  id: string;
  label: string;
  required: boolean;
  type?: string;
  value: string;
  autocomplete: string;
  max: number;
  /** What is wrong, in the reader's language (or as the receiver wrote it), if anything. */
  problem: string | undefined;
  /** While a send is on its way (`onItsWay`). */
  readonly?: boolean;
  onInput: (value: string) => void;
}

/** The share of a limit at which the counter appears. */
export const COUNTER_FROM = 0.8;

/**
 * Shows how much room is left once a reader nears a limit, so that text is never cut off
 * without warning. Not before: a counter nobody needs is noise, and formatting its numbers
 * loads Intl data that would slow the first render on a phone by tens of milliseconds.
 */
export function lengthCounter(id: string, length: number, max: number, formatLocale: string) {
  if (length < max * COUNTER_FROM) return nothing;
  const format = numberFormat(formatLocale);
  const [used, limit] = [format.format(length), format.format(max)];
  return html`<p id=${id} class="counter ${length >= max ? 'full' : ''}">${msg(str`${used} of ${limit} characters`)}</p>`;
}

/** A labelled text field with its problem tied to it (`aria-invalid`, `aria-describedby`). */
export function renderField(field: FieldOptions, formatLocale: string) {
  const problemId = `${field.id}-problem`;
  const counterId = `${field.id}-counter`;
  const counter = lengthCounter(counterId, field.value.length, field.max, formatLocale);
  const describedBy = [field.problem ? problemId : '', counter === nothing ? '' : counterId].filter(Boolean).join(' ');
  return html`
    <div part="field" class="field">
      <label for=${field.id}>${field.label}${field.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
      <input
        id=${field.id}
        type=${field.type ?? 'text'}
        dir="auto"
        autocomplete=${field.autocomplete}
        maxlength=${field.max}
        ?required=${field.required}
        ?readonly=${field.readonly}
        aria-invalid=${field.problem ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        .value=${live(field.value)}
        @input=${(e: Event) => field.onInput((e.target as HTMLInputElement).value)}
      />
      ${counter} ${field.problem ? html`<p id=${problemId} class="problem">${field.problem}</p>` : nothing}
    </div>
  `;
}
