import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src/db/CircuitBreaker.js';

describe('CircuitBreaker', () => {
  it('lets requests through while closed', () => {
    const breaker = new CircuitBreaker(1000);
    expect(breaker.allow(0)).toBe(true);
    expect(breaker.allow(1)).toBe(true);
    expect(breaker.isOpen).toBe(false);
  });

  it('refuses at once during the cool-down, then lets exactly one trial through', () => {
    const breaker = new CircuitBreaker(1000);
    breaker.opened(100);
    expect(breaker.allow(500)).toBe(false);
    expect(breaker.allow(1099)).toBe(false);
    expect(breaker.allow(1100)).toBe(true); // the trial
    expect(breaker.allow(1101)).toBe(false); // others wait for its outcome
    expect(breaker.allow(2099)).toBe(false);
  });

  it('closes when the trial succeeds and re-opens when it fails', () => {
    const breaker = new CircuitBreaker(1000);
    breaker.opened(0);
    expect(breaker.allow(1000)).toBe(true);
    breaker.closed();
    expect(breaker.allow(1001)).toBe(true);
    expect(breaker.isOpen).toBe(false);
    breaker.opened(2000);
    expect(breaker.allow(3000)).toBe(true);
    breaker.opened(3500);
    expect(breaker.allow(4000)).toBe(false);
    expect(breaker.allow(4500)).toBe(true);
  });
});
