// Personal data (issue 15): every table of the schema is either declared in the register of
// processing activities (app/domain/personal-data.ts) or known to hold nobody's data; operators
// export the register, nobody else does.
import { describe, expect, test } from "vitest";
import { processingActivities } from "#app/domain/personal-data";
import { loader as registerLoader } from "#app/routes/pilotage/registre";
import { callRoute, contextOf, withTestDatabase, type RouteHandler } from "./support";

/** Tables that hold no data on a person: reference data, figures, offers and companies' public facts. */
const holdNobody = new Set([
  "_prisma_migrations",
  "region",
  "department",
  "epci",
  "commune",
  "territory_phase",
  "territory",
  "territory_member",
  "territory_commune",
  "territory_monthly_stat",
  "naf_code",
  "rome_fiche",
  "rome_appellation",
  "rome_skill",
  "establishment",
  "school",
  "offer",
]);

const testDatabase = withTestDatabase();

describe("the register of processing activities", () => {
  test("declares every table that may hold data on a person", async () => {
    const tables = await testDatabase().sql.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const declared = processingActivities.map((activity) => activity.store).join(" ");
    const undeclared = tables.map((t) => t.name).filter((name) => !holdNobody.has(name) && !new RegExp(`\\b${name}\\b`).test(declared));
    expect(undeclared).toEqual([]);
  });

  test("operators download it as Markdown and JSON; anyone else is refused", async () => {
    const operator = contextOf({ id: "op", email: "pilotage@bpifrance.fr", role: "OPERATOR" });
    const markdown = await callRoute(registerLoader as unknown as RouteHandler, operator, "/pilotage/registre.md");
    const text = await (markdown.body as Response).text();
    for (const activity of processingActivities) expect(text).toContain(activity.store);
    const json = await callRoute(registerLoader as unknown as RouteHandler, operator, "/pilotage/registre.json");
    expect(((await (json.body as Response).json()) as { activities: unknown[] }).activities).toHaveLength(processingActivities.length);
    const student = contextOf({ id: "s", email: "lea@ecole.fr", role: "STUDENT" });
    expect((await callRoute(registerLoader as unknown as RouteHandler, student, "/pilotage/registre.md")).status).toBe(403);
  });
});
