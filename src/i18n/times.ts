import {cached} from './intl.js';

// Only what a send and a restored draft show use these, so they come with the checks' chunk, not the first script.

/** Hours and minutes, no seconds, on the region's clock ("2:05 p. m." in es-US). */
const timeFormat = cached((locale) => new Intl.DateTimeFormat(locale, {hour: 'numeric', minute: '2-digit'}));
/** A full date for running text ("6 de junio de 2025"). */
export const dateFormat = cached((locale) => new Intl.DateTimeFormat(locale, {dateStyle: 'long'}));

/**
 * A time for running text, kept on one line, and whether its hour is 1: Spanish says "a la 1:05" but "a las 2:05",
 * so sentences that take a time come in a `one` and an `other` form.
 */
export function timeOfDay(locale: string, date: Date | number): {time: string; one: boolean} {
  const parts = timeFormat(locale).formatToParts(date);
  // No-break spaces: "4:05 a.m." stays on one line.
  const time = parts.map((p) => p.value).join('').replace(/\s/g, '\u00a0');
  return {time, one: Number(parts.find((p) => p.type === 'hour')?.value) === 1};
}
