/**
 * A location unit's coordinates (WGS84 decimal degrees). Pure; shared by the server and the browser.
 *
 * Left empty, they default to the centre of the unit's municipality (Municipality.latitude/longitude), which is good
 * enough for sorting by distance; the provider may give the exact point. Mainland Finland and Åland lie within
 * latitude 59–71 and longitude 19–32 (rounded outwards), so anything outside is a typing error (swapped values, say).
 */
export const finlandBounds = {
  latitude: { min: 59, max: 71 },
  longitude: { min: 19, max: 32 },
} as const

export type Axis = keyof typeof finlandBounds
export type Coordinates = { latitude: number; longitude: number }

/** "63,0960" or "63.0960" → 63.096; null for an empty text; NaN for anything else. */
export function parseCoordinate(text: string | null | undefined): number | null {
  const value = (text ?? '').trim().replace(/\u2212/g, '-')
  if (value === '') return null
  if (!/^-?\d{1,3}(?:[.,]\d{1,8})?$/.test(value)) return Number.NaN
  return Number(value.replace(',', '.'))
}

export function inFinland(axis: Axis, value: number): boolean {
  const { min, max } = finlandBounds[axis]
  return Number.isFinite(value) && value >= min && value <= max
}

/**
 * The coordinates to store: the given ones when both are given, else the municipality's centre. (The form refuses
 * one without the other, so a half-given pair does not get here from a page.)
 */
export function coordinatesOrDefault(
  given: { latitude?: number | null; longitude?: number | null },
  municipalityCentre: Coordinates,
): Coordinates & { defaulted: boolean } {
  if (typeof given.latitude === 'number' && typeof given.longitude === 'number') {
    return { latitude: given.latitude, longitude: given.longitude, defaulted: false }
  }
  return { ...municipalityCentre, defaulted: true }
}

/** Whether stored coordinates are just the municipality's centre (the edit form then shows the fields empty). */
export function isMunicipalityCentre(coordinates: { latitude: number | null; longitude: number | null }, centre: Coordinates): boolean {
  return coordinates.latitude === centre.latitude && coordinates.longitude === centre.longitude
}

/** Coordinates as the form shows them: "63.096". */
export function formatCoordinate(value: number | null | undefined): string {
  return typeof value === 'number' ? String(Number(value.toFixed(6))) : ''
}
