// Great-circle distance, for "à 35 km de Lyon" in search results and matching reasons.

export interface LatLng {
  lat: number;
  lng: number;
}

/** A commune a search or a wish is centred on. */
export interface Place {
  name: string;
  inseeCode?: string;
  latitude: number;
  longitude: number;
}

export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(h));
}
