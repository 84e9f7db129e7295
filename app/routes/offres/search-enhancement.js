// The search page's own script. The page is HTML that works without script; with it, htmx (loaded
// just before this file) applies the form as it changes (the form's hx-* attributes), and this file
// adds what htmx does not do: the busy state, the new count said to screen readers, métiers
// suggested as the box is typed in, and a document load when a live update fails, so a person sees
// the server's page (or the browser's offline page) rather than results that silently stay old.
(() => {
  const form = document.getElementById("recherche-offres");
  const announcement = document.getElementById("annonce-resultats");
  const box = document.getElementById("q");
  const jobTitles = document.getElementById("q-metiers");
  if (!form || !announcement || !box || !jobTitles) return;

  // Opening the filters on a phone is not a search, nor is leaving the box (its typing is).
  const notASearch = new Set(["voir-filtres", "q"]);
  form.addEventListener("change", (event) => notASearch.has(event.target.id) && event.stopPropagation(), true);

  const setBusy = (busy) => document.getElementById("zone-resultats")?.setAttribute("aria-busy", String(busy));
  form.addEventListener("htmx:beforeRequest", () => setBusy(true));
  form.addEventListener("htmx:afterRequest", () => setBusy(false));
  form.addEventListener("htmx:afterSettle", () => {
    announcement.textContent = document.getElementById("resultats")?.textContent ?? "";
  });
  const loadWhole = (event) => window.location.assign(event.detail.pathInfo.finalRequestPath);
  form.addEventListener("htmx:responseError", loadWhole);
  form.addEventListener("htmx:sendError", loadWhole);

  let suggestion;
  box.addEventListener("input", () => {
    const typed = box.value.trim();
    if (typed.length < 3) return;
    suggestion?.abort();
    suggestion = new AbortController();
    fetch(`/api/reference/metiers?q=${encodeURIComponent(typed)}`, { signal: suggestion.signal })
      .then((response) => (response.ok ? response.json() : []))
      .then((titles) =>
        jobTitles.replaceChildren(...titles.map((title) => Object.assign(document.createElement("option"), { value: title.label }))),
      )
      // Suggestions are a help: the search works without them.
      .catch(() => {});
  });
})();
