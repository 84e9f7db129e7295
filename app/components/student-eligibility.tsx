import type { MatchReason } from "#app/domain/match-score";
import type { StudentDecision } from "#app/domain/student-eligibility";

/** Whether the student can take a VTE, with every reason. */
export function StudentEligibilityPanel({ decision }: { decision: StudentDecision }) {
  return (
    <section
      aria-label="Éligibilité au VTE"
      className={`mb-6 rounded border-l-4 p-4 ${decision.eligible ? "border-vert bg-green-50" : "border-amber-600 bg-amber-50"}`}
    >
      <p className="font-semibold mb-2">
        {decision.eligible ? "Vous êtes éligible au VTE." : "Vous n'êtes pas éligible au VTE en l'état."}
      </p>
      <ReasonList reasons={decision.reasons.map((r) => ({ key: r.code, ok: r.ok, text: r.message }))} />
    </section>
  );
}

/** Reasons with a mark that screen readers read as words. */
function ReasonList({ reasons }: { reasons: { key: string; ok: boolean; text: string }[] }) {
  return (
    <ul className="space-y-1 text-sm">
      {reasons.map((reason) => (
        <li key={reason.key} className="flex gap-2">
          <span aria-hidden="true" className={reason.ok ? "text-vert" : "text-amber-700"}>
            {reason.ok ? "✓" : "✗"}
          </span>
          <span>
            <span className="sr-only">{reason.ok ? "Atout : " : "Point faible : "}</span>
            {reason.text}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  return <ReasonList reasons={reasons.map((r) => ({ key: r.criterion, ok: r.ok, text: r.text }))} />;
}
