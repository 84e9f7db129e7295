import { SourceLink } from "./source-link";
import { eligibilityRuleSources, isLabelReason, type VteDecision } from "#app/domain/vte-eligibility";

/** How a reason reads: its mark for the eye and its words for a screen reader, met or not. */
interface ReasonWords {
  met: { mark: string; said: string };
  unmet: { mark: string; said: string };
}
const conditionWords: ReasonWords = { met: { mark: "✓", said: "Respecté : " }, unmet: { mark: "✗", said: "Non respecté : " } };
const labelWords: ReasonWords = { met: { mark: "★", said: "Label obtenu : " }, unmet: { mark: "–", said: "Sans ce label : " } };

function ReasonList({ reasons, words }: { reasons: VteDecision["reasons"]; words: ReasonWords }) {
  return (
    <ul className="space-y-1 text-sm">
      {reasons.map((reason) => {
        const { mark, said } = reason.ok ? words.met : words.unmet;
        return (
          <li key={reason.code} className="flex gap-2">
            <span aria-hidden="true">{mark}</span>
            <span>
              <span className="sr-only">{said}</span>
              {reason.message}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The VTE decision and every reason, for the editor and the moderation queue. In a list (the
 * queue) it is a named group inside each offer rather than one more page region.
 */
export function EligibilityPanel({ decision, live, inList }: { decision: VteDecision; live?: boolean; inList?: boolean }) {
  const verdict = decision.preVte
    ? "Stage de pré-VTE : l'offre sera publiée sans le label VTE."
    : decision.eligible
      ? `Offre éligible au VTE${decision.territoryLabel ? " — label VTE Territoires d'industrie" : ""}${decision.green ? " — VTE Vert proposé" : ""}.`
      : "Offre non éligible au VTE en l'état.";
  const Container = inList ? "div" : "section";
  return (
    <Container
      role={inList ? "group" : undefined}
      aria-label="Éligibilité au VTE"
      aria-live={live ? "polite" : undefined}
      className={`mb-6 rounded border-l-4 p-4 ${decision.eligible ? "border-vert bg-green-50" : "border-amber-600 bg-amber-50"}`}
    >
      <p className="font-semibold mb-2">{verdict}</p>
      <ReasonList reasons={decision.reasons.filter((reason) => !isLabelReason(reason.code))} words={conditionWords} />
      {/* Labels are not conditions: an eligible offer without VTE Vert has nothing wrong with it. */}
      <p className="mt-2 text-sm font-medium">Labels</p>
      <ReasonList reasons={decision.reasons.filter((reason) => isLabelReason(reason.code))} words={labelWords} />
      <details className="mt-2 text-sm">
        <summary>Règles et sources</summary>
        <ul className="list-disc pl-5">
          {eligibilityRuleSources.map((entry) => (
            <li key={entry.rule}>
              {entry.rule} — <SourceLink source={entry.source} />
            </li>
          ))}
        </ul>
      </details>
    </Container>
  );
}
