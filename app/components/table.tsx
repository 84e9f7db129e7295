// The header row of the site's simple tables: column names, numeric ones right-aligned.
import type { ReactNode } from "react";

export interface Column {
  label: string;
  numeric?: boolean;
}

export function ColumnHeads({ columns, padding = "pr-4" }: { columns: (string | Column)[]; padding?: string }) {
  return (
    <thead>
      <tr className="text-left border-b border-slate-300">
        {columns.map((column, i) => {
          const { label, numeric } = typeof column === "string" ? { label: column, numeric: false } : column;
          const last = i === columns.length - 1;
          return (
            <th key={label} scope="col" className={["py-1", last ? "" : padding, numeric ? "text-right" : ""].filter(Boolean).join(" ")}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/**
 * A table that scrolls inside its own box on a narrow screen rather than the page sideways; the box
 * is a named region a keyboard can reach, so its hidden columns stay reachable.
 */
export function TableBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a box that scrolls must be reachable by keyboard
    <div role="region" aria-label={`Tableau : ${label}`} tabIndex={0} className="max-w-full overflow-x-auto">
      {children}
    </div>
  );
}
