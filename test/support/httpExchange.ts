/**
 * Sends many HTTP requests to a test server with a bounded number in flight, and keeps each
 * request beside its response so a failing one can be reported exactly.
 */

/** A request as the tests describe it: enough to send it again by hand. */
export interface ProbeRequest {
  /** What the request is, for reports (`injection Query.search(query) #3`, `fuzz #1234 truncated`). */
  label: string;
  method: string;
  /** Path and query string below the server's origin, e.g. `/graphql?query=…`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** A request with what came back. `status` 0 means no HTTP answer at all (connection refused or reset, timeout). */
export interface Exchange {
  request: ProbeRequest;
  status: number;
  contentType: string;
  text: string;
  ms: number;
  /** Set when no HTTP answer arrived. */
  networkError?: string;
}

/** Sends `request` to `origin` (e.g. `http://127.0.0.1:4321`), never throwing. */
export async function exchange(origin: string, request: ProbeRequest, timeoutMs = 20_000): Promise<Exchange> {
  const started = performance.now();
  try {
    const res = await fetch(origin + request.path, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { request, status: res.status, contentType: res.headers.get('content-type') ?? '', text, ms: performance.now() - started };
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return {
      request,
      status: 0,
      contentType: '',
      text: '',
      ms: performance.now() - started,
      networkError: `${err instanceof Error ? err.message : String(err)}${cause}`,
    };
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight; results keep the items' order. */
export async function runPool<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** A short, single-line description of a request for failure messages (bodies cut to `max` characters). */
export function describeRequest(request: ProbeRequest, max = 600): string {
  const body =
    request.body === undefined
      ? ''
      : typeof request.body === 'string'
        ? request.body
        : `<${request.body.byteLength} bytes: ${Buffer.from(request.body.subarray(0, 80)).toString('hex')}…>`;
  const cut = (s: string) => (s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s);
  return `${request.label}: ${request.method} ${cut(request.path)} ${JSON.stringify(request.headers ?? {})} ${cut(body)}`;
}
