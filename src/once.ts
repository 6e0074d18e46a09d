/**
 * A value made on first use and kept. zod builds each schema eagerly, and building them all
 * at load cost the first render tens of milliseconds on a phone for schemas the default widget
 * may never use (an organizer's campaign, a draft, a send).
 */
export function once<T>(make: () => T): () => T {
  let made: {value: T} | undefined;
  return () => (made ??= {value: make()}).value;
}
