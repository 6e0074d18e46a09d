/** Why a send or an organizer's campaign could not go on, for the organizer (the console, the error event). */
export const unloadable = (error: unknown) =>
  `could not load the part of the widget that checks campaigns and sends messages (${(error as Error).message}); ` +
  'if the page gives the widget’s files integrity hashes, check that they match the files served';
