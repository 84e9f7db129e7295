// French words for the codes offers carry, shared by the pages.
export const contractLabels: Record<string, string> = { CDI: "CDI", CDD: "CDD", ALTERNANCE: "Alternance", STAGE_PRE_VTE: "Stage de pré-VTE" };
export const degreeLabels: Record<string, string> = { BAC2: "Bac+2", BAC3: "Bac+3", BAC4: "Bac+4", BAC5: "Bac+5", DOCTORATE: "Doctorat" };
export const schoolKindLabels: Record<string, string> = { ENGINEERING: "Écoles d'ingénieurs", BUSINESS: "Écoles de commerce", UNIVERSITY: "Universités", OTHER: "Autres" };
export const remoteLabels: Record<string, string> = { NONE: "Sur site", PARTIAL: "Télétravail partiel", FULL: "Télétravail complet" };

const relative = new Intl.RelativeTimeFormat("fr", { numeric: "auto" });

/** "aujourd'hui", "hier", "il y a 3 jours", "il y a 2 semaines"… */
export function publishedAgo(unixSeconds: number, now = Date.now()): string {
  const days = Math.round((unixSeconds * 1000 - now) / 86_400_000);
  if (days > -14) return relative.format(days, "day");
  if (days > -60) return relative.format(Math.round(days / 7), "week");
  return relative.format(Math.round(days / 30), "month");
}

const longDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
export const formatLongDate = (date: Date | number) => longDate.format(date);
