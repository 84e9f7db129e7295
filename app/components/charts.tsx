// Charts drawn on the server as SVG with d3-scale and d3-shape (no JavaScript needed to read them),
// each with its data as a table for screen readers and for anyone who prefers figures.
import { TableBox } from "#app/components/table";
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { hiddenCountText } from "#app/domain/disclosure";
import { formatCount } from "./format";

/** A value of a chart: a count, or null where a public chart may not show it (1 to 4). */
type ChartValue = number | null;
const valueText = (value: ChartValue) => (value === null ? hiddenCountText : formatCount(value));

const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "short", year: "2-digit", timeZone: "UTC" });
const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  values: ChartValue[];
}

/** Several series over the same months, with axes, a legend and the table of values. */
export function LineChart({
  id,
  title,
  months,
  series,
  height = 220,
}: {
  id: string;
  title: string;
  months: string[];
  series: ChartSeries[];
  height?: number;
}) {
  const width = 640;
  const margin = { top: 12, right: 16, bottom: 28, left: 44 };
  const x = scalePoint<string>()
    .domain(months)
    .range([margin.left, width - margin.right]);
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - margin.bottom, margin.top]);
  // A hidden value is a gap in the line, never a point that would give it away.
  const path = line<ChartValue>()
    .defined((v) => v !== null)
    .x((_, i) => x(months[i]) ?? 0)
    .y((v) => y(v ?? 0));
  const ticks = y.ticks(4);
  const every = Math.ceil(months.length / 8);
  return (
    <figure className="mb-8" aria-labelledby={`${id}-titre`}>
      <figcaption id={`${id}-titre`} className="font-semibold mb-1">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="w-full max-w-2xl"
        role="img"
        aria-label={`${title} : graphique, les valeurs sont dans le tableau qui suit`}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={margin.left} x2={width - margin.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={margin.left - 6} y={y(t)} textAnchor="end" dominantBaseline="middle" fontSize="11" fill="#475569">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {months.map((m, i) =>
          i % every === 0 ? (
            <text key={m} x={x(m)} y={height - 8} textAnchor="middle" fontSize="11" fill="#475569">
              {monthLabel(m)}
            </text>
          ) : null,
        )}
        {series.map((s) => (
          <path key={s.key} d={path(s.values) ?? ""} fill="none" stroke={s.color} strokeWidth="2.5" />
        ))}
      </svg>
      <ul className="flex flex-wrap gap-4 text-sm mt-1" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <svg width="20" height="4" className="inline-block">
              <rect width="20" height="4" fill={s.color} />
            </svg>{" "}
            {s.label}
          </li>
        ))}
      </ul>
      <details className="mt-2 text-sm">
        <summary>Tableau des valeurs</summary>
        <TableBox label={title}>
          <table className="mt-2 border-collapse">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4 text-left">
                  Mois
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="pr-4 text-right">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {months.map((m, i) => (
                <tr key={m}>
                  <th scope="row" className="pr-4 text-left font-normal">
                    {monthLabel(m)}
                  </th>
                  {series.map((s) => (
                    <td key={s.key} className="pr-4 text-right tabular-nums">
                      {valueText(s.values[i])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      </details>
    </figure>
  );
}

/** A small line of 12 months, described in words for screen readers. */
export function Sparkline({ label, months, values }: { label: string; months: string[]; values: ChartValue[] }) {
  const width = 160;
  const height = 36;
  const x = scaleLinear()
    .domain([0, Math.max(1, values.length - 1)])
    .range([2, width - 2]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...values.map((v) => v ?? 0))])
    .range([height - 3, 3]);
  const path = line<ChartValue>()
    .defined((v) => v !== null)
    .x((_, i) => x(i))
    .y((v) => y(v ?? 0));
  const words = months.map((m, i) => `${monthLabel(m)} : ${valueText(values[i])}`).join(", ");
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`${label}. ${words}`}>
      <path d={path(values) ?? ""} fill="none" stroke="#000091" strokeWidth="2" />
    </svg>
  );
}
