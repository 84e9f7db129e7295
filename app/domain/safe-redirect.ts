// Where to send a person after log-in: only a path of this site. Anything else goes home.
// Browsers drop tabs and line breaks inside URLs and read "\" as "/", so "/\t/evil.example"
// or "/\\evil.example" would leave the site: such targets are refused outright.

const base = "http://vte.invalid";
// eslint-disable-next-line no-control-regex
const unsafeCharacter = /[\u0000-\u001F\u007F\s\\]/;

export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.length > 2000 || unsafeCharacter.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
