// The aids a hire may open, as an estimate with its sources (app/domain/programme-aids.ts).
import { SourceLink } from "./source-link";
import { estimateAids, programmeAids } from "#app/domain/programme-aids";
import { formatCount } from "./format";

export function AidsEstimate({
  territoryLabel,
  green,
  contractType,
  greenHiresOfCompany = 0,
}: {
  territoryLabel: boolean;
  green: boolean;
  contractType: string;
  greenHiresOfCompany?: number;
}) {
  const aids = estimateAids({ territoryLabel, green, contractType, greenHiresOfCompany });
  const sources = [
    ...new Map(
      Object.values(programmeAids)
        .flatMap((aid) => aid.sources)
        .map((s) => [s.url, s]),
    ).values(),
  ];
  return (
    <section aria-label="Aides possibles" className="mb-6 rounded border border-slate-200 p-4 text-sm">
      <p className="font-semibold mb-1">Aides que ce recrutement peut ouvrir (estimation)</p>
      {aids.length === 0 ? (
        <p>Aucune aide du programme n'est attendue pour ce poste en l'état.</p>
      ) : (
        <ul className="list-disc pl-5">
          {aids.map((aid) => (
            <li key={aid.label}>
              {aid.label} : {formatCount(aid.amountEuros)} € — {aid.why}.
            </li>
          ))}
        </ul>
      )}
      <details className="mt-2">
        <summary>Sources et conditions</summary>
        <p className="mt-1">
          Montants publiés par les sources ci-dessous ; Bpifrance décide de l'aide et la verse. {programmeAids.green.label} :{" "}
          {programmeAids.green.condition}.
        </p>
        <ul className="list-disc pl-5">
          {sources.map((source) => (
            <li key={source.url}>
              <SourceLink source={source} />
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
