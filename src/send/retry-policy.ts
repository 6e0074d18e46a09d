export interface RetryPolicy {
  /** Automatic tries after the first, before the reader is asked to retry. */
  retries: number;
  /** The first wait; each next one doubles. */
  baseDelayMs: number;
  /** The longest `Retry-After` honoured automatically; a longer one leaves it to the reader. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {retries: 3, baseDelayMs: 1000, maxRetryAfterMs: 5 * 60_000};
