// /dev/mail: the mail written to ./data/mail when no SMTP_URL is set. Development only.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { simpleParser } from "mailparser";
import { dataRoot } from "#app/platform/data-dir.server";

export const meta: MetaFunction = () => [{ title: "Courriels envoyés (développement) · VTE" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (process.env.NODE_ENV !== "development") throw new Response("Page introuvable", { status: 404 });
  const folder = path.join(dataRoot(), "mail");
  const files = (await readdir(folder).catch(() => [] as string[]))
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .reverse()
    .slice(0, 50);
  const selected = new URL(request.url).searchParams.get("f");
  const mails = await Promise.all(
    files.map(async (file) => {
      const mail = await simpleParser(await readFile(path.join(folder, file)));
      const to = [mail.to]
        .flat()
        .flatMap((a) => a?.value.map((v) => v.address ?? "") ?? [])
        .join(", ");
      return {
        file,
        to,
        subject: mail.subject ?? "",
        date: mail.date?.toISOString() ?? "",
        text: file === selected ? (mail.text ?? "") : null,
      };
    }),
  );
  return { mails, folder };
}

export default function DevMailPage() {
  const { mails, folder } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1 className="text-3xl font-bold mb-2">Courriels envoyés</h1>
      <p className="mb-6 text-slate-700">Les 50 derniers messages écrits dans {folder} (sans SMTP_URL).</p>
      <ul className="space-y-4">
        {mails.map((mail) => (
          <li key={mail.file} className="border-b border-slate-200 pb-2">
            <Link to={`?f=${encodeURIComponent(mail.file)}`}>{mail.subject}</Link>
            <span className="text-sm text-slate-600">
              {" "}
              — à {mail.to}, {mail.date}
            </span>
            {mail.text !== null && <pre className="mt-2 whitespace-pre-wrap bg-slate-50 p-3 text-sm">{mail.text}</pre>}
          </li>
        ))}
      </ul>
    </section>
  );
}
