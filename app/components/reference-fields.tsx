// Fields backed by the reference data. Without JavaScript they are plain text fields that the server
// resolves; with JavaScript they suggest values as the person types and show the territory at once.
import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { TextField, type AnyField } from "./form";

interface CommuneChoice {
  inseeCode: string;
  name: string;
  postalCodes: string[];
  territory: { id: string; name: string } | null;
}

export function CommuneFields({ postalCode, communeName, legend }: { postalCode: AnyField; communeName: AnyField; legend: string }) {
  const fetcher = useFetcher<CommuneChoice[]>();
  const [code, setCode] = useState(String(postalCode.initialValue ?? ""));
  const [name, setName] = useState(String(communeName.initialValue ?? ""));
  useEffect(() => {
    if (/^\d{5}$/.test(code)) fetcher.load(`/api/reference/communes?cp=${code}`);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code]);
  const choices = /^\d{5}$/.test(code) ? (fetcher.data ?? []) : [];
  const normalized = (value: string) =>
    value
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      .trim();
  const chosen = choices.length === 1 ? choices[0] : choices.find((c) => normalized(c.name) === normalized(name));
  return (
    <fieldset className="mb-2">
      <legend className="font-medium mb-1">{legend}</legend>
      <div
        className="grid sm:grid-cols-[10rem_1fr] gap-x-4"
        onInput={(event) => {
          const target = event.target as HTMLInputElement;
          if (target.name === postalCode.name) setCode(target.value.trim());
          if (target.name === communeName.name) setName(target.value);
        }}
      >
        <TextField field={postalCode} label="Code postal" inputMode="numeric" autoComplete="postal-code" />
        <TextField field={communeName} label="Commune" list={`${communeName.id}-choices`} autoComplete="address-level2" />
      </div>
      <datalist id={`${communeName.id}-choices`}>
        {choices.map((c) => (
          <option key={c.inseeCode} value={c.name} />
        ))}
      </datalist>
      {chosen && (
        <p role="status" className="mb-4 rounded bg-marine-light p-3 text-sm">
          {chosen.territory
            ? `${chosen.name} est dans le Territoire d'industrie ${chosen.territory.name}.`
            : `${chosen.name} n'est dans aucun Territoire d'industrie.`}
        </p>
      )}
    </fieldset>
  );
}

/** A text field suggesting reference entries (NAF, ROME) from `/api/reference/<kind>`. */
export function ReferenceField({ field, label, kind, hint }: { field: AnyField; label: string; kind: "naf" | "rome"; hint: string }) {
  const fetcher = useFetcher<{ code: string; label: string }[]>();
  return (
    <div
      onInput={(event) => {
        const value = (event.target as HTMLInputElement).value;
        if (value.trim().length >= 2 && !/ — /.test(value)) fetcher.load(`/api/reference/${kind}?q=${encodeURIComponent(value.trim())}`);
      }}
    >
      <TextField field={field} label={label} hint={hint} list={`${field.id}-choices`} />
      <datalist id={`${field.id}-choices`}>
        {(fetcher.data ?? []).map((choice) => (
          <option key={choice.code} value={`${choice.code} — ${choice.label}`} />
        ))}
      </datalist>
    </div>
  );
}

interface JobTitleChoice {
  code: string;
  label: string;
  romeCode: string;
  romeLabel: string;
}

/**
 * The offer's title, suggesting ROME job titles as the recruiter types; choosing one fills the
 * métier field with its fiche. Any other title stays possible (the métier is then asked for).
 */
export function JobTitleField({ field, romeField }: { field: AnyField; romeField: string }) {
  const fetcher = useFetcher<JobTitleChoice[]>();
  return (
    <div
      onInput={(event) => {
        const input = event.target as HTMLInputElement;
        if (input.name !== field.name) return;
        const value = input.value.trim();
        const chosen = (fetcher.data ?? []).find((choice) => choice.label === value);
        const rome = input.form?.elements.namedItem(romeField);
        if (chosen && rome instanceof HTMLInputElement) rome.value = `${chosen.romeCode} — ${chosen.romeLabel}`;
        else if (value.length >= 3) fetcher.load(`/api/reference/metiers?q=${encodeURIComponent(value)}`);
      }}
    >
      <TextField
        field={field}
        label="Intitulé du poste"
        hint="Un intitulé du répertoire ROME (suggéré pendant la saisie) ou le vôtre, par exemple : Ingénieur méthodes et industrialisation."
        list={`${field.id}-choices`}
      />
      <datalist id={`${field.id}-choices`}>
        {(fetcher.data ?? []).map((choice) => (
          <option key={choice.code} value={choice.label} />
        ))}
      </datalist>
    </div>
  );
}
