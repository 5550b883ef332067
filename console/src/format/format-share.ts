/** `part` of `whole` as a whole percentage ("80%"); null when `whole` is 0 (nothing to share out). */
export function formatShare(part: number, whole: number): string | null {
  return whole ? `${Math.round((100 * part) / whole)}%` : null;
}
