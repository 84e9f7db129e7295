// Dates as the pages say them. (The words of the codes offers carry are in app/domain/codes.ts.)

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
