// The map of the Territoires d'industrie as SVG drawn on the server (paths from
// app/territories/map.server.ts): each territory is a link with its name and figure, shaded by the
// figure the visitor chose; the table under it is its accessible alternative.
import { hiddenCountText } from "#app/domain/disclosure";
import { formatCount } from "./format";

export interface MapShape {
  key: string;
  name: string;
  path: string;
  value: number | null;
}

/** Shades from no figure to the most; a hidden count (1 to 4) has its own shade, never a number. */
const mapBuckets = [
  { label: "0", test: (v: number | null) => v === 0, color: "#eef2f7" },
  { label: hiddenCountText, test: (v: number | null) => v === null, color: "#cfd9f5" },
  { label: "5 à 9", test: (v: number | null) => v !== null && v >= 5 && v < 10, color: "#a3b6ee" },
  { label: "10 à 24", test: (v: number | null) => v !== null && v >= 10 && v < 25, color: "#6a83de" },
  { label: "25 à 99", test: (v: number | null) => v !== null && v >= 25 && v < 100, color: "#3551c4" },
  { label: "100 et plus", test: (v: number | null) => v !== null && v >= 100, color: "#000091" },
];

export function TerritoryMapSvg({
  width,
  height,
  frames,
  shapes,
  figureLabel,
}: {
  width: number;
  height: number;
  frames: { id: string; label: string | null; x: number; y: number; width: number; height: number }[];
  shapes: MapShape[];
  figureLabel: string;
}) {
  const shade = (value: number | null) => mapBuckets.find((bucket) => bucket.test(value))?.color ?? mapBuckets[0].color;
  return (
    <figure className="mb-6">
      <svg viewBox={`0 0 ${width} ${height}`} className="w-full max-w-3xl h-auto" role="group" aria-labelledby="carte-titre">
        <title id="carte-titre">{`Carte des Territoires d'industrie : ${figureLabel.toLowerCase()} par territoire`}</title>
        {frames.map((frame) => (
          <g key={frame.id}>
            <rect x={frame.x} y={frame.y} width={frame.width} height={frame.height} fill="none" stroke="#cbd5e1" />
            {frame.label && (
              <text x={frame.x + 6} y={frame.y + 12} fontSize="10" fill="#334155">
                {frame.label}
              </text>
            )}
          </g>
        ))}
        {shapes.map((shape) => {
          const text = `${shape.name} : ${shape.value === null ? hiddenCountText : formatCount(shape.value)} (${figureLabel.toLowerCase()})`;
          return (
            <a key={shape.key} href={`/territoires/${shape.key}`} aria-label={text}>
              <path
                d={shape.path}
                fill={shade(shape.value)}
                stroke="#ffffff"
                strokeWidth="0.6"
                className="hover:opacity-80 focus:outline-none"
              />
            </a>
          );
        })}
      </svg>
      <figcaption className="text-sm">
        <span className="mr-2">{figureLabel} :</span>
        {mapBuckets.map((bucket) => (
          <span key={bucket.label} className="mr-3 inline-flex items-center gap-1">
            <svg width="14" height="10" aria-hidden="true">
              <rect width="14" height="10" fill={bucket.color} stroke="#94a3b8" />
            </svg>
            {bucket.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
