/**
 * One autocannon request definition that sends the weighted mix: each time a client is about to
 * send, `setupRequest` picks an operation and notes it (and the time) in the client's context;
 * `onResponse` classifies the answer. With one request in flight per connection (no pipelining),
 * the context always describes the request being answered.
 */
import type autocannon from 'autocannon';
import { classify, pickWeighted, type Operation } from './operations.js';

export interface Answer {
  op: Operation;
  status: number;
  outcome: string;
  /** From building the request to its answer, in ms (autocannon's own latency has no operation). */
  latencyMs: number;
  /** performance.now() when the answer arrived. */
  at: number;
}

interface MixContext {
  op?: Operation;
  sentAt?: number;
}

export function mixedRequest(operations: readonly Operation[], onAnswer: (answer: Answer) => void): autocannon.Request {
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request, context) => {
      const op = pickWeighted(operations);
      const ctx = context as MixContext;
      ctx.op = op;
      ctx.sentAt = performance.now();
      return { ...request, body: op.body };
    },
    onResponse: (status, body, context) => {
      const ctx = context as MixContext;
      if (!ctx.op || ctx.sentAt === undefined) return;
      const at = performance.now();
      onAnswer({ op: ctx.op, status, outcome: classify(status, body, ctx.op), latencyMs: at - ctx.sentAt, at });
    },
  };
}

/** Sends every operation once, one after another: shows up front whether the mix works at all. */
export async function sanityPass(baseUrl: string, operations: readonly Operation[]): Promise<Map<string, string>> {
  const outcomes = new Map<string, string>();
  for (const op of operations) {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: op.body,
      signal: AbortSignal.timeout(10_000),
    });
    outcomes.set(op.name, classify(res.status, await res.text(), op));
  }
  return outcomes;
}
