/** Deterministic primary keys (seed-org-001, seed-offer-017, …) make re-running the seed a no-op. */
export function seedId(kind: string, ...parts: (number | string)[]): string {
  return ['seed', kind, ...parts.map((part) => (typeof part === 'number' ? String(part).padStart(3, '0') : part))].join('-')
}
