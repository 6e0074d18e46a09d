/**
 * zod's own rule for addresses (`regexes.email`, what `z.email()` checks), for the checks made
 * before zod has loaded: the supporter form and the `recipients` attribute. Written out rather
 * than imported: zod's module of patterns is one module, so importing it here put every pattern
 * the schemas use (uuid, date-time …) into the first script. test/unit/form/email.test.ts fails
 * when zod's rule changes, so that the two never disagree.
 */
export const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
