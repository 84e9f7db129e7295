// The dashboard's filters, read from the URL (the same for the page and its CSV exports).
import { territoryKeyPattern } from "./territory-phase";
import { isNafSection } from "./naf";
type SchoolKind = "ENGINEERING" | "BUSINESS" | "UNIVERSITY" | "OTHER";

export interface UptakeFilters {
  region?: string;
  territory?: string;
  section?: string;
  schoolKind?: SchoolKind;
  months: number;
}

const schoolKinds: SchoolKind[] = ["ENGINEERING", "BUSINESS", "UNIVERSITY", "OTHER"];
export const periods = [6, 12, 24, 36];

export function uptakeFiltersOf(url: URL): UptakeFilters {
  const get = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  const months = Number(get("periode"));
  const schoolKind = get("ecole") as SchoolKind | undefined;
  return {
    region: get("region")?.match(/^\d{2,3}$/) ? get("region") : undefined,
    territory: territoryKeyPattern.test(get("territoire") ?? "") ? get("territoire") : undefined,
    section: isNafSection(get("secteur") ?? "") ? get("secteur") : undefined,
    schoolKind: schoolKind && schoolKinds.includes(schoolKind) ? schoolKind : undefined,
    months: periods.includes(months) ? months : 12,
  };
}
