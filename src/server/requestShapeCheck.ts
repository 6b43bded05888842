/**
 * Refuses, before Apollo sees them, GraphQL requests whose shape alone makes them unsafe to
 * process: `variables` or `extensions` nested deeper than MAX_INPUT_DEPTH (recursive code further
 * on — the cost estimate, graphql-js's coercion — would overflow the stack: a 500 and a stack
 * trace in the log per request), or an `operationName` longer than MAX_OPERATION_NAME_LENGTH
 * (it would be quoted back in errors and logs). The answer is a 400 with a short GraphQL-shaped
 * error naming the limit; nothing of the request is echoed. Checks the JSON body of a POST and
 * the query string of a GET, as Apollo reads them.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { exceedsJsonDepth } from './exceedsJsonDepth.js';

/** Deepest nesting of `variables` or `extensions`, counted from the object itself (`{"id": "x"}` is 1). */
export const MAX_INPUT_DEPTH = 32;
/** Longest `operationName`; GraphQL names are identifiers, and real ones are far shorter. */
export const MAX_OPERATION_NAME_LENGTH = 256;

interface Refusal {
  message: string;
  limit: 'MAX_INPUT_DEPTH' | 'MAX_OPERATION_NAME_LENGTH';
  max: number;
}

/** The request fields the checks look at, as found in a POST body or a GET query string. */
interface RequestFields {
  operationName: unknown[];
  /** Parsed JSON values of `variables` and `extensions`, with the field each came from. */
  json: [field: 'variables' | 'extensions', value: unknown][];
}

export function requestShapeCheck(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const fields = req.method === 'GET' ? fromQueryString(req.url) : req.method === 'POST' ? fromBody(req.body) : undefined;
    const refusal = fields && check(fields);
    if (!refusal) {
      next();
      return;
    }
    logger.info({ requestId: res.locals.requestId as unknown, limit: refusal.limit, max: refusal.max }, 'request refused');
    res.status(400).json({
      errors: [{ message: refusal.message, extensions: { code: 'BAD_REQUEST', limit: refusal.limit, max: refusal.max } }],
    });
  };
}

function check({ operationName, json }: RequestFields): Refusal | undefined {
  if (operationName.some((name) => typeof name === 'string' && name.length > MAX_OPERATION_NAME_LENGTH)) {
    return {
      message: `\`operationName\` is longer than ${MAX_OPERATION_NAME_LENGTH} characters (MAX_OPERATION_NAME_LENGTH).`,
      limit: 'MAX_OPERATION_NAME_LENGTH',
      max: MAX_OPERATION_NAME_LENGTH,
    };
  }
  for (const [field, value] of json) {
    if (exceedsJsonDepth(value, MAX_INPUT_DEPTH)) {
      return {
        message: `\`${field}\` is nested deeper than ${MAX_INPUT_DEPTH} levels (MAX_INPUT_DEPTH).`,
        limit: 'MAX_INPUT_DEPTH',
        max: MAX_INPUT_DEPTH,
      };
    }
  }
  return undefined;
}

/** A parsed JSON body: one request, or a batch of them (which Apollo refuses, but only later). */
function fromBody(body: unknown): RequestFields | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const requests: unknown[] = Array.isArray(body) ? body : [body];
  const fields: RequestFields = { operationName: [], json: [] };
  for (const request of requests) {
    if (request === null || typeof request !== 'object') continue;
    const { operationName, variables, extensions } = request as Record<string, unknown>;
    fields.operationName.push(operationName);
    fields.json.push(['variables', variables], ['extensions', extensions]);
  }
  return fields;
}

/**
 * A GET's query string, read as Apollo reads it (URLSearchParams, then JSON.parse of `variables`
 * and `extensions`). Every value of a repeated parameter is checked; a value that is not JSON is
 * left for Apollo to refuse with its own 400.
 */
function fromQueryString(url: string): RequestFields | undefined {
  const start = url.indexOf('?');
  if (start < 0) return undefined;
  const params = new URLSearchParams(url.slice(start + 1));
  const json: RequestFields['json'] = [];
  for (const field of ['variables', 'extensions'] as const) {
    for (const text of params.getAll(field)) {
      try {
        json.push([field, JSON.parse(text) as unknown]);
      } catch {
        // Not JSON: Apollo answers it.
      }
    }
  }
  return { operationName: params.getAll('operationName'), json };
}
