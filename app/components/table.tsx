// The header row of the site's simple tables: column names, numeric ones right-aligned.

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
