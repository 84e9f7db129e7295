// Renders a page whole, then sends it as one body. Every loader has resolved before rendering (no
// deferred data), so streaming the shell early sent nothing sooner; passing React's many small
// chunks through a Node stream, a web stream and back to the socket cost a search page about
// a tenth of its CPU (docs/decisions/008-search-page-cpu.md).
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "#app/components/nonce";
import { inPageAlready, StylesheetProvider, stylesheetUrl } from "#app/components/stylesheet";
import { builtStylesheetText } from "#app/platform/stylesheet.server";
import { entityTag, holdsTag, publicPageCaching } from "#app/platform/http-cache.server";
import "#app/platform/load-context";

const renderTimeoutMs = 5_000;
/** Sent by htmx with a live update (the search page), which goes into a page that holds the stylesheet. */
const liveUpdateHeader = "HX-Request";

export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
): Promise<Response> {
  const nonce = loadContext.cspNonce ?? "";
  const liveUpdate = request.headers.get(liveUpdateHeader) === "true";
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const page = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const app = (
      <NonceProvider value={nonce}>
        <StylesheetProvider value={liveUpdate ? inPageAlready : builtStylesheetText(stylesheetUrl)}>
          <RemixServer context={remixContext} url={request.url} abortDelay={renderTimeoutMs} nonce={nonce} />
        </StylesheetProvider>
      </NonceProvider>
    );
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      onShellReady() {
        shellRendered = true;
      },
      onAllReady() {
        pipe(page);
      },
      onShellError(error) {
        clearTimeout(timeout);
        reject(error);
      },
      onError(error) {
        status = 500;
        // Errors before the shell are reported by Remix itself.
        if (shellRendered) console.error(error);
      },
    });
    const timeout = setTimeout(abort, renderTimeoutMs);
    page.on("finish", () => {
      clearTimeout(timeout);
      headers.set("Content-Type", "text/html; charset=utf-8");
      const body = scriptsInsideBody(withoutNulBytes(Buffer.concat(chunks)));
      if (status === 200 && ["GET", "HEAD"].includes(request.method) && !loadContext.session && !headers.has("Cache-Control")) {
        // A page anyone gets alike: a shared cache may keep it a while. Its tag leaves out the
        // nonce, new with every response; a 304 keeps the stored page with its own (app/server/http.ts).
        headers.set("Cache-Control", publicPageCaching);
        headers.append("Vary", `Cookie, ${liveUpdateHeader}`);
        const tag = entityTag(nonce ? body.toString("utf8").replaceAll(nonce, "") : body);
        headers.set("ETag", tag);
        if (holdsTag(request, tag)) return resolve(new Response(null, { status: 304, headers }));
      }
      resolve(new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), { headers, status }));
    });
  });
}

/**
 * React 18.3's renderToPipeableStream pads a chunk with NUL bytes when a multi-byte character does
 * not fit at the end of its 2 KB buffer (react/react#31134): "Donn\0\xc3\xa9es", which a browser
 * shows as "Donn�ées" and byte-level tools call binary. The character itself follows whole, so the
 * NULs are dropped; an HTML page never holds one of its own (forms refuse control characters).
 */
function withoutNulBytes(page: Buffer): Buffer {
  return page.includes(0) ? Buffer.from(page.filter((byte) => byte !== 0)) : page;
}

const bodyEnd = Buffer.from("</body></html>");

/**
 * Remix's single-fetch data scripts come out of React after the document's closing tags: a
 * "stray start tag script" after </html> for an HTML checker. The page is whole by now, so what
 * follows </body></html> moves to just before </body>, in the same order (browsers run them alike).
 */
function scriptsInsideBody(page: Buffer): Buffer {
  const end = page.indexOf(bodyEnd);
  if (end < 0 || end + bodyEnd.length === page.length) return page;
  return Buffer.concat([page.subarray(0, end), page.subarray(end + bodyEnd.length), bodyEnd]);
}
