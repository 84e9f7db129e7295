// A territory's outline for the map, computed once at import: the members' geometries (ANCT
// GeoJSON, one feature per member) merged per territory with topojson, so shared borders stay
// shared, and simplified so a phase's 183 outlines weigh about 75 KB instead of 2 MB.
import { readFile } from "node:fs/promises";
import { geoArea } from "d3-geo";
import type { FeatureCollection, Geometry, MultiPolygon, Position } from "geojson";
import { merge } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";

/** A GeoJSON file of a list's members and the property naming each member's territory. */
export interface GeometryFile {
  file: string;
  idProperty: string;
}

/** Planar area threshold (square degrees) under which topojson-simplify drops a point. */
const simplificationThreshold = 0.002;
/** Four decimals of a degree are about 10 m: far finer than the map draws. */
const round = (position: Position): Position => position.map((n) => Math.round(n * 1e4) / 1e4);

/**
 * d3-geo reads a ring's winding on the sphere: GeoJSON's counter-clockwise exteriors would be the
 * whole globe but the territory. A polygon larger than a hemisphere is turned the other way.
 */
function sphericalWinding(geometry: MultiPolygon): MultiPolygon {
  return {
    type: "MultiPolygon",
    coordinates: geometry.coordinates.map((polygon) =>
      geoArea({ type: "Polygon", coordinates: polygon }) > 2 * Math.PI ? polygon.map((ring) => [...ring].reverse()) : polygon,
    ),
  };
}

/** Outline per territory code (ti-8417), wound for d3-geo. */
export async function territoryOutlines(source: GeometryFile): Promise<Map<string, MultiPolygon>> {
  const collection = JSON.parse(await readFile(source.file, "utf8")) as FeatureCollection<Geometry, Record<string, string>>;
  const topo = topology({ members: collection }) as unknown as Topology<{ members: GeometryCollection<Record<string, string>> }>;
  const simplified = simplify(presimplify(topo), simplificationThreshold);
  const byTerritory = new Map<string, typeof simplified.objects.members.geometries>();
  for (const member of simplified.objects.members.geometries) {
    const code = (member.properties as Record<string, string> | undefined)?.[source.idProperty];
    if (code) byTerritory.set(code, [...(byTerritory.get(code) ?? []), member]);
  }
  const outlines = new Map<string, MultiPolygon>();
  for (const [code, members] of byTerritory) {
    const merged = merge(simplified, members as never);
    outlines.set(
      code,
      sphericalWinding({ type: "MultiPolygon", coordinates: merged.coordinates.map((polygon) => polygon.map((ring) => ring.map(round))) }),
    );
  }
  return outlines;
}
