import { int, pick } from './random'

/** An Ostrobothnian landline (area code 6) in international form: +358 6 318 4420. */
export function landline(): string {
  return `+358 6 ${int(300, 799)} ${int(1000, 9999)}`
}

/** A mobile number in international form: +358 40 123 4567. */
export function mobile(): string {
  return `+358 ${pick(['40', '44', '45', '50'])} ${int(100, 999)} ${int(1000, 9999)}`
}

/** A plain ASCII local part from a name: 'Britt-Marie Sundqvist' → 'britt-marie.sundqvist'. */
export function emailLocalPart(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z -]/g, '')
    .trim()
    .replace(/\s+/g, '.')
}
