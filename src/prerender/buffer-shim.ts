/**
 * `Buffer.from(text, 'binary').toString('base64')`, the one use Lit's server build makes of Node's
 * Buffer (a template's digest, for hydration, which pre-rendered markup leaves out), for the
 * builder's worker, which has no Buffer.
 */
export const Buffer = {
  from: (text: string) => ({toString: () => btoa(text)}),
};
