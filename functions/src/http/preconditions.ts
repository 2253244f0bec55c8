import { HttpProblem } from './problems';

/**
 * The ETags the API hands out are Table Storage's: weak, carrying the entity's timestamp, e.g.
 * `W/"datetime'2026-12-02T15%3A28%3A31.4405879Z'"`. Table Storage runs a write with `If-Match: *`
 * unconditionally and refuses a malformed one with 400 InvalidInput
 * (https://learn.microsoft.com/en-us/rest/api/storageservices/update-entity2), so only a value of
 * exactly that shape is ever passed on: anything else could never be an ETag we gave out.
 */
const TABLE_ETAG = /^W\/"datetime'\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}(\.\d{1,7})?Z'"$/;

/** Longest If-Match judged at all (a real one is ~50 characters). */
const MAX_IF_MATCH = 128;

// The tab shows 412 and 428 as its localized "changed since you read it" (errors.conflict).

/**
 * Judges a request's If-Match before any handler runs (unsafe methods only): absent passes (the
 * route decides whether it needs one), `*` is 428 (it would switch concurrency off), and a value
 * that is not one ETag of ours (a list, a strong tag, garbage, an oversized value) is 412 — it can
 * never match what is stored. Nothing here is a server error, so nothing is logged.
 */
export function checkIfMatch(value: string | null): void {
  if (value === null) return;
  const trimmed = value.trim();
  if (trimmed === '*') {
    throw new HttpProblem(
      428,
      'If-Match: * is not accepted. Send the ETag you read, so that no change made since is overwritten.',
    );
  }
  if (trimmed.length > MAX_IF_MATCH || !TABLE_ETAG.test(trimmed)) {
    throw new HttpProblem(
      412,
      'The If-Match value is not an ETag this API handed out. Reload and try again.',
    );
  }
}

/** Edits quote the ETag they read (If-Match), so two people never overwrite each other. */
export function ifMatch(headers: { get(name: string): string | null }): string {
  const etag = headers.get('if-match');
  if (!etag) throw new HttpProblem(428, 'Send If-Match with the ETag you read.');
  checkIfMatch(etag);
  return etag.trim();
}
