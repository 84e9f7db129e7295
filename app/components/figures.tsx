// Key figures as cards: a label, a number, an optional detail; a description list for screen readers.
import { hiddenCountText } from "#app/domain/disclosure";
import { formatCount } from "./format";

export interface Figure {
  label: string;
  /** null: a count from 1 to 4, not published. */
  value: number | null;
  detail?: string | null;
}

export function FigureCards({ figures, columns = "sm:grid-cols-4" }: { figures: Figure[]; columns?: string }) {
  return (
    <dl className={`grid grid-cols-2 ${columns} gap-4 mb-8`}>
      {figures.map((figure) => (
        <div key={figure.label} className="rounded border border-slate-200 p-3">
          <dt className="text-sm text-slate-600">{figure.label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{figure.value === null ? hiddenCountText : formatCount(figure.value)}</dd>
          {figure.detail && <dd className="text-sm text-slate-600">{figure.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
