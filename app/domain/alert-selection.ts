// Which new offers an alert mail lists: newest first, at most 10, at most 2 from one company so that
// one busy employer does not fill the mail.

const alertMaxOffers = 10;
const alertMaxPerCompany = 2;

export function pickAlertOffers<T extends { companyId: string }>(newestFirst: T[]): T[] {
  const perCompany = new Map<string, number>();
  const picked: T[] = [];
  for (const offer of newestFirst) {
    const n = perCompany.get(offer.companyId) ?? 0;
    if (n >= alertMaxPerCompany) continue;
    perCompany.set(offer.companyId, n + 1);
    picked.push(offer);
    if (picked.length === alertMaxOffers) break;
  }
  return picked;
}
