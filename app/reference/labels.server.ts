// Display names for codes shown by search (territories, regions, departments, NAF, ROME), read once
// per process: reference data changes only with an import.
import { db } from "#app/platform/db.server";
import { loadedOncePerProcess } from "#app/platform/process.server";

export interface ReferenceLabels {
  territory: Map<string, string>;
  region: Map<string, string>;
  department: Map<string, string>;
  naf: Map<string, string>; // sections ("C") and divisions ("25")
  rome: Map<string, string>;
}

export const referenceLabels = loadedOncePerProcess("referenceLabels", loadLabels);

async function loadLabels(): Promise<ReferenceLabels> {
  const prisma = db();
  const [territories, regions, departments, naf, rome] = await Promise.all([
    prisma.territory.findMany({ select: { id: true, name: true } }),
    prisma.region.findMany({ select: { code: true, name: true } }),
    prisma.department.findMany({ select: { code: true, name: true } }),
    prisma.nafCode.findMany({ where: { level: { in: ["section", "division"] } }, select: { code: true, label: true } }),
    prisma.romeFiche.findMany({ select: { code: true, label: true } }),
  ]);
  return {
    territory: new Map(territories.map((t) => [t.id, t.name])),
    region: new Map(regions.map((r) => [r.code, r.name])),
    department: new Map(departments.map((d) => [d.code, d.name])),
    naf: new Map(naf.map((n) => [n.code, n.label])),
    rome: new Map(rome.map((r) => [r.code, r.label])),
  };
}
