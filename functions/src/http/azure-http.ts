import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { DEFAULT_MAX_BODY_BYTES, type Dispatcher } from './dispatch';
import { PROBLEM_CONTENT_TYPE, problem } from './problems';
import type { AnyRoute } from './route';
import { API_HEADERS } from './security-headers';

/** What the entry point reads of the host's request (a real `HttpRequest` has it all). */
export type AzureHttpRequest = Pick<HttpRequest, 'method' | 'url' | 'headers' | 'body'>;

function tooLarge(limit: number): HttpResponseInit {
  return {
    status: 413,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...API_HEADERS },
    body: JSON.stringify(problem(413, `The request body is larger than ${limit} bytes.`)),
  };
}

/**
 * Reads a streamed body up to `limit` bytes; past it, stops reading (cancels the stream) and
 * answers undefined. Nothing beyond `limit` plus one chunk is ever held in memory.
 */
async function readLimited(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Buffer | undefined> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * The Azure Functions handler of one route. The app runs with HTTP streams on
 * (`app.setup({ enableHttpStream: true })`,
 * https://learn.microsoft.com/en-us/azure/azure-functions/node-http-stream),
 * so the body arrives as a stream and is refused before it is read — on its Content-Length, or
 * once the bytes read pass the route's limit — whoever sends it, signed in or not. Without streams
 * the host buffers the whole body (up to its 100 MB default) before any code of ours runs.
 */
export function azureHttpHandler(route: AnyRoute, dispatcher: Dispatcher) {
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (request: AzureHttpRequest): Promise<HttpResponseInit> => {
    const declared = request.headers.get('content-length');
    if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
      return tooLarge(limit);
    }
    let body: Buffer | undefined;
    if (request.body) {
      const read = await readLimited(request.body as ReadableStream<Uint8Array>, limit);
      if (read === undefined) return tooLarge(limit);
      body = read.length > 0 ? read : undefined;
    }
    const response = await dispatcher.handle({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body,
    });
    return { status: response.status, headers: response.headers, body: response.body };
  };
}
