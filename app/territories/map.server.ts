// The map of a phase's Territoires d'industrie, drawn on the server as SVG paths with d3-geo from
// the outlines stored at import (prisma/territory-outlines.ts): metropolitan France in a conic
// projection, each overseas region in its own inset. Readable without JavaScript; the pages put
// each territory in a link.
import { geoConicConformal, geoMercator, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, MultiPolygon } from "geojson";
import { Prisma } from "#app/generated/prisma/client";
import { db } from "#app/platform/db.server";

/** Overseas regions drawn in insets (their code is the start of a territory's id: ti-01xx). */
const insets: Record<string, string> = { "01": "Guadeloupe", "02": "Martinique", "03": "Guyane", "04": "La Réunion", "06": "Mayotte" };

interface MapFrame {
  id: string;
  label: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TerritoryMap {
  width: number;
  height: number;
  frames: MapFrame[];
  /** SVG path per territory id (ti-8417) of the phase. */
  paths: Map<string, string>;
  /** Projected bounds [[x0, y0], [x1, y1]] per territory id. */
  bounds: Map<string, [[number, number], [number, number]]>;
}

/** Where a territory lies: its shape among its region's (ids ti-RRnn share RR), and a view box around them. */
export async function territoryLocation(phase: string, code: string): Promise<{ own: string; neighbours: string[]; box: number[] } | null> {
  const map = await territoryMap(phase);
  const own = map?.paths.get(code);
  if (!map || !own) return null;
  const region = [...map.paths.keys()].filter((id) => id.slice(3, 5) === code.slice(3, 5));
  const corners = region.flatMap((id) => map.bounds.get(id) ?? []);
  const [x0, y0] = [Math.min(...corners.map(([x]) => x)), Math.min(...corners.map(([, y]) => y))];
  const [x1, y1] = [Math.max(...corners.map(([x]) => x)), Math.max(...corners.map(([, y]) => y))];
  return {
    own,
    neighbours: region.filter((id) => id !== code).map((id) => map.paths.get(id) as string),
    box: [x0 - 4, y0 - 4, x1 - x0 + 8, y1 - y0 + 8].map((n) => Math.round(n)),
  };
}

const layout = {
  width: 640,
  height: 560,
  main: { x: 0, y: 0, width: 500, height: 560 },
  inset: { x: 510, width: 130, height: 104, gap: 8 },
};
/** Drawn maps per phase, kept a minute, as the phases are: a list loaded later shows soon after. */
const cache = new Map<string, { map: Promise<TerritoryMap | null>; until: number }>();

/** The map of a phase, or null when the platform has no outline for it. */
export function territoryMap(phase: string): Promise<TerritoryMap | null> {
  const kept = cache.get(phase);
  if (kept && kept.until > Date.now()) return kept.map;
  const map = drawMap(phase);
  cache.set(phase, { map, until: Date.now() + 60_000 });
  return map;
}

async function drawMap(phase: string): Promise<TerritoryMap | null> {
  const outlined = await db().territory.findMany({
    where: { phaseId: phase, shape: { not: Prisma.DbNull } },
    select: { code: true, shape: true },
  });
  if (outlined.length === 0) return null;
  const shapes = outlined.map(({ code, shape }) => ({
    id: code,
    feature: { type: "Feature", properties: {}, geometry: shape as unknown as MultiPolygon } as Feature<MultiPolygon>,
  }));
  const frameOf = (id: string) => (id.slice(3, 5) in insets ? id.slice(3, 5) : "metro");

  const frames: MapFrame[] = [{ id: "metro", label: null, ...layout.main }];
  Object.entries(insets).forEach(([code, label], i) => {
    frames.push({
      id: code,
      label,
      x: layout.inset.x,
      y: i * (layout.inset.height + layout.inset.gap),
      width: layout.inset.width,
      height: layout.inset.height,
    });
  });
  const paths = new Map<string, string>();
  const bounds = new Map<string, [[number, number], [number, number]]>();
  for (const frame of frames) {
    const inFrame = shapes.filter((shape) => frameOf(shape.id) === frame.id);
    if (inFrame.length === 0) continue;
    const projection: GeoProjection = (
      frame.id === "metro" ? geoConicConformal().parallels([44, 49]).rotate([-3, 0]) : geoMercator()
    ).fitExtent(
      [
        [frame.x + 6, frame.y + (frame.label ? 16 : 6)],
        [frame.x + frame.width - 6, frame.y + frame.height - 6],
      ],
      { type: "FeatureCollection", features: inFrame.map((shape) => shape.feature) },
    );
    const draw = geoPath(projection).digits(1);
    for (const shape of inFrame) {
      // Islets and slivers under two square pixels are dropped: invisible, and most of the weight.
      const polygons = shape.feature.geometry.coordinates;
      const kept = polygons.filter((polygon) => draw.area({ type: "Polygon", coordinates: polygon }) >= 2);
      const geometry: MultiPolygon = { type: "MultiPolygon", coordinates: kept.length ? kept : polygons.slice(0, 1) };
      paths.set(shape.id, draw({ ...shape.feature, geometry }) ?? "");
      bounds.set(shape.id, draw.bounds({ ...shape.feature, geometry }));
    }
  }
  return {
    width: layout.width,
    height: layout.height,
    frames: frames.filter((frame) => [...paths.keys()].some((id) => frameOf(id) === frame.id)),
    paths,
    bounds,
  };
}
