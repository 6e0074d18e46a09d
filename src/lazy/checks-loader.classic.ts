/**
 * `checks-loader.ts` for the classic-script build, which is one file: it cannot load chunks, and
 * an `import()` inlined into it costs every reader wrappers that keep the module's code lazy, for
 * nothing. Vite puts this module in its place there (see `classicBuild` in vite.config.ts).
 */
import * as checks from './checks.js';

export type Checks = typeof checks;

export const loadChecks = (): Promise<Checks> => Promise.resolve(checks);
export const checksLoaded = (): Checks | undefined => checks;
export const checksRefused = (): boolean => false;
export {unloadable} from './unloadable.js';
export const prefetchLater = (): void => undefined;
