// Apart from the schema, so that the form can use them without loading zod (see lazy/checks-loader.ts).

/** The submission payload's version: a change that breaks receivers gets a new one. */
export const SUBMISSION_VERSION = 1;

/** Upper bounds on what a supporter types, shared by the form and the schema. */
export const LIMITS = {name: 200, email: 254, postalCode: 20, subject: 300, body: 20_000} as const;
