// Non-essential mail (alerts, digests) a person can stop from the link every such mail carries.
import { db } from "#app/platform/db.server";

/** The person behind an unsubscribe link no longer receives non-essential mail. */
export async function unsubscribe(token: string): Promise<boolean> {
  const { count } = await db().user.updateMany({ where: { unsubscribeToken: token }, data: { mailOptOut: true } });
  return count === 1;
}
