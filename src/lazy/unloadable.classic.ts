// The classic script loads no chunk, so none can fail: the organizer's explanation is never needed there.
export const unloadable = (error: unknown): string => String(error);
