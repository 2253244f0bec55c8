/**
 * The one shape every use case and domain rule answers in: a value, or a refusal with a stable
 * `code` (declared beside the module that raises it). Refusals are values, never exceptions; the
 * HTTP dispatcher maps each code to its status once, and the tab translates each code.
 */
export type Result<T, R extends { code: string } = { code: string }> =
  | { ok: true; value: T }
  | { ok: false; reason: R };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function refused<R extends { code: string }>(reason: R): { ok: false; reason: R } {
  return { ok: false, reason };
}
