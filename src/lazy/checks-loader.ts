/**
 * zod, the schemas built with it, the sending client, what only a send shows (the thank-you) and
 * the form below the list come in their own chunk: the built-in campaign is checked when the
 * widget is built (test/unit/campaign/default-campaign.test.ts), so the list of recommendations
 * needs none of them. The element starts loading the chunk as it starts (`ProgressiveView`),
 * beside its first render rather than before it; a send, an organizer's own campaign (`src`,
 * inline or the property), a saved draft and a pick wait for it or load it again if that failed,
 * so that a send made offline after a pick still works.
 */
export type Checks = typeof import('./checks.js');

let loaded: Checks | undefined;
let loading: Promise<Checks> | undefined;
let refused = false;

export function loadChecks(): Promise<Checks> {
  // A failed load (offline before any pick, a chunk refused for its integrity) is tried again next time.
  return (loading ??= import('./checks.js').then(
    (checks) => (loaded = checks),
    (error: unknown) => {
      loading = undefined;
      refused = true;
      throw error;
    },
  ));
}

/** Whether a load has failed on this page: a render does not wait for the chunk again (a send still tries). */
export const checksRefused = (): boolean => refused && !loaded;

/** The chunk, once it has loaded: code that must answer synchronously (a draft's restore) looks here. */
export const checksLoaded = (): Checks | undefined => loaded;

export {unloadable} from './unloadable.js';

/**
 * Fetches the chunk a send needs, again, at a pick: it is requested
 * with the form (see `ProgressiveView`), and this tries once more if that failed, so that the
 * reader never waits on it and a send made after going offline still goes (into the offline
 * queue, as before). A failure here is retried at the send, which reports it.
 */
export function prefetchLater(): void {
  loadChecks().catch(() => undefined);
}
