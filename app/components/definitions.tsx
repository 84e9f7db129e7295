// The definitions of the figures a page shows, from the one place they are written.
import { suppressionThreshold } from "#app/domain/disclosure";
import { figures, type FigureKey } from "#app/domain/figures";

export function FigureDefinitions({ keys, id = "definitions" }: { keys: FigureKey[]; id?: string }) {
  return (
    <section aria-labelledby={id} className="mt-8 text-sm text-slate-700">
      <h2 id={id} className="text-lg font-semibold mb-2">
        Définitions
      </h2>
      <dl className="space-y-1">
        {keys.map((key) => (
          <div key={key}>
            <dt className="inline font-medium">{figures[key].label} : </dt>
            <dd className="inline">{figures[key].definition}</dd>
          </div>
        ))}
        <div>
          <dt className="inline font-medium">« moins de {suppressionThreshold} » : </dt>
          <dd className="inline">
            un effectif de 1 à {suppressionThreshold - 1} n'est pas publié, pour que personne ne puisse être reconnu ; un autre chiffre est
            parfois masqué aussi, pour qu'on ne puisse pas le retrouver par différence avec un total.
          </dd>
        </div>
      </dl>
    </section>
  );
}
