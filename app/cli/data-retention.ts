// `npm run data:retention [-- --dry-run]`: warns inactive accounts, anonymises those warned a month
// ago, erases the CVs of inactive students and purges what has served (sessions, codes, rate-limit
// windows, done jobs); prints the counts. With --dry-run, counts what it would do and changes
// nothing. The worker runs it every hour. With the embedded database, stop `npm start` first.
import { parseArgs } from "node:util";
import { runRetention } from "#app/personal-data/retention.server";
import { openDatabase, setDatabase } from "#app/platform/db.server";
import { migrate } from "#prisma/migrate";

const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });
const database = await openDatabase();
setDatabase(database);
try {
  await migrate(database.sql);
  const dryRun = values["dry-run"] as boolean;
  const report = await runRetention({ dryRun });
  console.log(
    [
      dryRun ? "Dry run: nothing changed. It would have:" : "Retention:",
      `  inactive accounts warned      ${report.warned}`,
      `  inactive accounts anonymised  ${report.anonymised}`,
      `  CVs erased                    ${report.cvsErased}`,
      `  sessions purged               ${report.sessionsPurged}`,
      `  codes and links purged        ${report.tokensPurged}`,
      `  rate-limit windows purged     ${report.rateLimitsPurged}`,
      `  done jobs purged              ${report.jobsPurged}`,
      `  profile accesses purged       ${report.accessesPurged}`,
    ].join("\n"),
  );
} catch (error) {
  console.error(`Retention failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  setDatabase(undefined);
  await database.close();
}
