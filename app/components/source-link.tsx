import type { Source } from "#app/domain/programme-sources";

/** A public source cited for a rule or an amount, with the date it gives itself. */
export function SourceLink({ source }: { source: Source }) {
  return (
    <>
      <a href={source.url} rel="noreferrer">
        {source.title}
      </a>
      {source.dated ? ` (mis à jour le ${source.dated.split("-").reverse().join("/")})` : ""}
    </>
  );
}
