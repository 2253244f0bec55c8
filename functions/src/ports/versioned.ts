/**
 * What every store promises: values carry their version (ETag), a stale write is refused, a
 * repeated create is told apart, and what storage can never hold is named.
 */

/** A stored value with the version (ETag) every update must quote back. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** Someone else changed the entity since it was read: the caller must re-read and retry. */
export class StaleVersionError extends Error {
  /** What changed, as a sentence's subject ("The matching"): the dispatcher's 412 names it. */
  constructor(readonly what: string) {
    super(`${what} was changed by someone else`);
  }
}

/** The entity already exists (a create that lost a race, or a repeated create). */
export class AlreadyExistsError extends Error {}

/**
 * The entity is larger than storage can ever hold (Table Storage: 1 MiB an entity); `field` names
 * its largest field, the one to shorten. The dispatcher answers 413 with it.
 */
export class TooLargeToStoreError extends Error {
  constructor(
    what: string,
    readonly field: string,
  ) {
    super(`${what} is too large to store (its field ${field} is the largest)`);
  }
}
