// `npm run worker`: the outbox worker on its own (for a deployment with separate web replicas).
// With the embedded PGlite database, run the worker inside `npm start` instead: PGlite is one process.
import { serviceOptionsFromEnv, startServices } from "./services";

const services = await startServices({ ...serviceOptionsFromEnv() });
console.log(`Outbox worker running (${services.database.kind}). Ctrl-C stops it.`);
const stop = async () => {
  await services.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
