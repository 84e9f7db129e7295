// Every form of the site, found by crawling its pages as each kind of person, posted with values a
// person or a robot might send: empty, huge, wrong-typed, non-Latin, emoji, NUL and control
// characters, in the visible fields and then in the hidden ones too. None may answer 500 or show
// a stack trace (issue 11). The count of requests and of 500s is printed.
import { Parser } from "htmlparser2";
import { afterAll, beforeAll, expect, test } from "vitest";
import { hashPassword } from "#app/accounts/auth.server";
import { seedDemoWorld } from "#prisma/demo/seed";
import { demoPassword } from "#app/domain/demo";
import { formBody, rawRequest, startPlatform, type RunningPlatform } from "./platform";
import { rolePages } from "#tests/role-pages";

interface FoundForm {
  page: string;
  action: string;
  multipart: boolean;
  fields: { name: string; type: string; value: string }[];
}

const operator = { email: "pilote@fuzz.test", password: "Pilotage-fuzz-2026" };
const staff = { email: "relations@ecole-fuzz.fr", password: "Ecole-fuzz-2026-long" };
let platform: RunningPlatform;
const accounts: Record<string, { email: string; password: string } | null> = { anonymous: null };
const seeds: Record<string, string[]> = {
  anonymous: [
    "/",
    "/offres",
    "/connexion",
    "/inscription",
    "/inscription/verification?adresse=fuzz%40exemple.fr",
    "/mot-de-passe-oublie",
    "/territoires",
    "/statistiques",
  ],
  student: [...rolePages.student, "/offres"],
  company: rolePages.company,
  staff: [...rolePages.staff, "/offres"],
  operator: rolePages.operator,
};

const fuzzValues: [string, string][] = [
  ["empty", ""],
  ["huge", "a".repeat(100_001)],
  ["wrong type", "-1e309"],
  ["non-Latin", "工程师 Инженер مهندس"],
  ["emoji", "👩‍🔧🏭 ✨"],
  ["NUL", "Ingé\u0000nieur"],
  ["control characters", "Nom\u000b\u001b[31m\u0007\u007f"],
];

beforeAll(async () => {
  platform = await startPlatform({
    prepare: async (database) => {
      await seedDemoWorld(database.sql, { offers: 300, seed: 3 });
      const student = await database.prisma.user.findFirstOrThrow({
        where: { role: "STUDENT", studentProfile: { isNot: null }, applications: { some: {} } },
      });
      const member = await database.prisma.companyMember.findFirstOrThrow({
        where: { role: "OWNER", company: { offers: { some: { applications: { some: {} } } } } },
        include: { user: true },
      });
      accounts.student = { email: student.email, password: demoPassword };
      accounts.company = { email: member.user.email, password: demoPassword };
      const application = await database.prisma.application.findFirstOrThrow({ where: { offer: { companyId: member.companyId } } });
      seeds.company.push(`/entreprise/candidatures/${application.id}`, `/entreprise/offres/${application.offerId}/candidatures`);
      // Something for operators to decide on /pilotage/entreprises.
      await database.prisma.company.update({ where: { id: member.companyId }, data: { pendingName: "Nouveau nom à valider" } });
      await database.prisma.company.updateMany({ where: { id: { not: member.companyId } }, data: { verifiedAt: null }, limit: 1 } as never);
      const establishment = await database.prisma.establishment.findFirstOrThrow({ where: { kind: "École" } });
      const school = await database.prisma.school.create({
        data: {
          name: "École Fuzz",
          kind: "ENGINEERING",
          establishmentId: establishment.id,
          emailDomains: ["ecole-fuzz.fr"],
          staffEmailDomains: ["ecole-fuzz.fr"],
        },
      });
      await database.prisma.user.create({
        data: {
          email: staff.email,
          passwordHash: await hashPassword(staff.password),
          role: "SCHOOL_STAFF",
          firstName: "Anne",
          lastName: "Fuzz",
          emailVerifiedAt: new Date(),
          schoolId: school.id,
          staffApprovedAt: new Date(),
        },
      });
      await database.prisma.user.create({
        data: {
          email: operator.email,
          passwordHash: await hashPassword(operator.password),
          role: "OPERATOR",
          firstName: "Paul",
          lastName: "Fuzz",
          emailVerifiedAt: new Date(),
        },
      });
      accounts.staff = staff;
      accounts.operator = operator;
    },
  });
}, 240_000);
afterAll(async () => platform?.stop());

async function logIn(account: { email: string; password: string } | null): Promise<string> {
  if (!account) return "";
  const form = formBody(account);
  const response = await rawRequest(platform.url, {
    method: "POST",
    path: "/connexion",
    headers: { Origin: platform.url, ...form.headers },
    body: form.body,
  });
  expect(response.status, `log-in of ${account.email}`).toBe(302);
  return String(response.headers["set-cookie"]?.[0]).split(";")[0];
}

/** The forms and same-site links of a page. */
function readPage(page: string, html: string): { forms: FoundForm[]; links: string[] } {
  const forms: FoundForm[] = [];
  const links: string[] = [];
  let form: FoundForm | null = null;
  let textarea: FoundForm["fields"][number] | null = null;
  const parser = new Parser({
    onopentag(tag, attributes) {
      if (tag === "a" && attributes.href?.startsWith("/") && !attributes.href.startsWith("//")) links.push(attributes.href);
      if (tag === "form" && (attributes.method ?? "get").toLowerCase() === "post") {
        form = { page, action: attributes.action ?? page, multipart: attributes.enctype === "multipart/form-data", fields: [] };
      }
      if (!form || !attributes.name) return;
      if (tag === "input" && attributes.type !== "file")
        form.fields.push({ name: attributes.name, type: attributes.type ?? "text", value: attributes.value ?? "" });
      if (tag === "button" && attributes.value !== undefined)
        form.fields.push({ name: attributes.name, type: "button", value: attributes.value });
      if (tag === "select") form.fields.push({ name: attributes.name, type: "select", value: "" });
      if (tag === "textarea") form.fields.push((textarea = { name: attributes.name, type: "textarea", value: "" }));
    },
    onattribute() {},
    ontext(text) {
      if (textarea) textarea.value += text;
    },
    onclosetag(tag) {
      if (tag === "form" && form) {
        forms.push(form);
        form = null;
      }
      if (tag === "textarea") textarea = null;
    },
  });
  parser.write(html);
  parser.end();
  return { forms, links };
}

/** A page's path with its ids and query left out: "/entreprise/offres/:id". */
const pageKind = (url: string) => url.split(/[?#]/)[0].replace(/\/(demo-[\w-]+|c[a-z0-9]{20,}|\d{9}|ti-\d+)/g, "/:id");

/** Crawls from the seeds, at most `limit` pages, and returns the distinct forms (by action and fields). */
async function crawl(cookie: string, start: string[], limit = 45): Promise<FoundForm[]> {
  const queue = [...start];
  const seen = new Set<string>();
  const forms = new Map<string, FoundForm>();
  while (queue.length && seen.size < limit) {
    const url = queue.shift() as string;
    const path = url.split("#")[0];
    if (seen.has(path) || /\.(csv|xml|json|pdf)(\?|$)|\/deconnexion|\/cv$|^\/api\//.test(path)) continue;
    seen.add(path);
    const response = await rawRequest(platform.url, { path, headers: cookie ? { Cookie: cookie } : {} });
    if (response.status !== 200 || !String(response.headers["content-type"]).startsWith("text/html")) continue;
    const { forms: found, links } = readPage(path, response.body);
    for (const form of found) {
      // Logging out would end the session the other forms are tried with.
      if (form.action.startsWith("/deconnexion")) continue;
      const key = `${form.action.split("?")[0].replace(/\/(demo-|c)[\w-]+/g, "/:id")} ${form.fields
        .map((f) => f.name)
        .sort()
        .join(",")}`;
      if (!forms.has(key)) forms.set(key, form);
    }
    // Pages with ids are sampled two of a kind, not all 300 offers.
    for (const link of links) {
      const kind = pageKind(link);
      if (!seen.has(link.split("#")[0]) && [...queue, ...seen].filter((other) => pageKind(other) === kind).length < 2) queue.push(link);
    }
  }
  return [...forms.values()];
}

function bodyOf(form: FoundForm, value: string, hiddenToo: boolean): { body: string | Buffer; headers: Record<string, string | number> } {
  const pairs = form.fields
    .filter((field) => field.name !== "intent" || field.type !== "button" || true)
    .map(
      (field) =>
        [field.name, field.type === "hidden" || field.type === "button" ? (hiddenToo ? value : field.value) : value] as [string, string],
    );
  if (!form.multipart) {
    const body = new URLSearchParams(pairs).toString();
    return { body, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } };
  }
  const boundary = "----fuzz7MA4YWxkTrZu0gW";
  const parts = pairs.map(([name, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`);
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="cv"; filename="mon=cv ${value.slice(0, 20)}.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 fuzz\r\n`,
  );
  const body = Buffer.from(`${parts.join("")}--${boundary}--\r\n`);
  return { body, headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": body.byteLength } };
}

test("no form of the site answers 500 or shows a stack trace, whatever it is sent", async () => {
  let requests = 0;
  const failures: string[] = [];
  const formsSeen: string[] = [];
  for (const role of Object.keys(seeds)) {
    const cookie = await logIn(accounts[role]);
    const forms = await crawl(cookie, seeds[role]);
    for (const form of forms) {
      formsSeen.push(`${role} ${form.action}`);
      for (const [label, value] of fuzzValues) {
        for (const hiddenToo of [false, true]) {
          const { body, headers } = bodyOf(form, value, hiddenToo);
          const response = await rawRequest(platform.url, {
            method: "POST",
            path: form.action,
            headers: { Origin: platform.url, ...(cookie ? { Cookie: cookie } : {}), ...headers },
            body,
          }).catch((error) => {
            throw new Error(
              `${role} POST ${form.action} (${label}, ${Buffer.byteLength(body)} bytes): ${(error as Error).message}\n${platform.output().slice(-2000)}`,
            );
          });
          requests++;
          const stack = /\n\s+at [\w.<>]+ \(|node_modules\/|\.tsx?:\d+:\d+/.test(response.body);
          if (response.status >= 500 || stack)
            failures.push(
              `${role} POST ${form.action} (${label}${hiddenToo ? ", hidden fields too" : ""}): ${response.status}${stack ? " with a stack trace" : ""}`,
            );
        }
      }
    }
  }
  console.log(
    `Form fuzz: ${formsSeen.length} forms, ${requests} requests, ${failures.length} answered 500 or showed a stack trace.\n${formsSeen.join("\n")}`,
  );
  expect(formsSeen.length).toBeGreaterThan(20);
  expect(failures).toEqual([]);
}, 600_000);
