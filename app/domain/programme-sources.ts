// The public pages the programme's rules and aids are taken from, each with the date it gives
// itself. Bpifrance's own charter decides; these are the State's and consular pages that state it
// (the charter itself is not published as a dated page the platform can cite).

export interface Source {
  title: string;
  url: string;
  /** The date the source gives itself (a page's "mis à jour"), when it gives one. */
  dated: string | null;
}

export const programmeSources = {
  prefectureNord: {
    title: "Préfecture du Nord, « L'Aide Volontariat Territorial en Entreprise vert (VTE) »",
    url: "https://www.nord.gouv.fr/Actualites/Actualites/L-Aide-Volontariat-Territorial-en-Entreprise-vert-VTE",
    dated: "2021-04-15",
  },
  prefecturePuyDeDome: {
    title: "Préfecture du Puy-de-Dôme, « Aide volontariat territorial en entreprise vert (VTE vert) »",
    url: "https://www.puy-de-dome.gouv.fr/Actions-de-l-Etat/Plan-de-relance/Aide-volontariat-territorial-en-entreprise-vert-VTE-vert",
    dated: "2022-02-28",
  },
  cciParis: {
    title: "CCI Paris Île-de-France, fiche pratique « Volontariat territorial en entreprise (VTE) vert »",
    url: "https://entreprises.cci-paris-idf.fr/web/rh/volontariat-territorial-en-entreprise-vte-vert",
    dated: null,
  },
  capMetiers: {
    title: "Cap Métiers Nouvelle-Aquitaine, fiche « Volontariat Territorial en Entreprise (VTE) »",
    url: "https://www.cap-metiers.pro/Fiches-techniques/Aides-embauche/970/Volontariat-Territorial-Entreprise-VTE/",
    dated: null,
  },
  datalegal: {
    title: "Datalegal, « VTE Vert : définition et cadre de l'aide »",
    url: "https://datalegal.fr/lexique/definitions/aides-vte-vert/",
    dated: "2025-10-06",
  },
} satisfies Record<string, Source>;
