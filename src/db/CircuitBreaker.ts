/**
 * Fail fast while Neo4j is unreachable. After a request finds the database unavailable, others
 * fail at once for `cooldownMs` instead of each waiting for a connection timeout; then a single
 * trial request goes through (half-open), and its outcome closes or re-opens the breaker. Without
 * it, every request during an outage holds a connection attempt for seconds under load.
 */
export class CircuitBreaker {
  /** While now < openUntil, requests are refused without touching the driver. 0: closed. */
  private openUntil = 0;

  constructor(private readonly cooldownMs: number) {}

  /** True when a request may go to the database now (it may be the one trial of a half-open breaker). */
  allow(now = Date.now()): boolean {
    if (this.openUntil === 0) return true;
    if (now < this.openUntil) return false;
    // Half-open: this request is the trial; others keep failing fast until it ends.
    this.openUntil = now + this.cooldownMs;
    return true;
  }

  /** The database was found unavailable. */
  opened(now = Date.now()): void {
    this.openUntil = now + this.cooldownMs;
  }

  /** The database answered. */
  closed(): void {
    this.openUntil = 0;
  }

  get isOpen(): boolean {
    return this.openUntil !== 0;
  }
}
