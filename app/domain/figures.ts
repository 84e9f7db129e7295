// Every figure the platform shows, defined once: its French label and what it counts. Pages, charts,
// exports and open data use these labels and say these definitions (the "Définitions" sections).

export const figures = {
  publishedOffers: {
    label: "Offres publiées",
    definition: "Offres en ligne aujourd'hui : validées par l'équipe du programme, ni fermées, ni pourvues, ni expirées.",
  },
  offersPublishedInPeriod: {
    label: "Offres mises en ligne",
    definition: "Offres dont la publication date de la période, quel que soit leur état depuis.",
  },
  applications: {
    label: "Candidatures",
    definition: "Candidatures envoyées par des étudiants, quelle qu'en soit la suite ; comptées au territoire de l'offre.",
  },
  placements: {
    label: "Placements",
    definition:
      "Recrutements confirmés par l'entreprise (un par candidature retenue), comptés au territoire en vigueur à la date du recrutement.",
  },
  vtePlacements: {
    label: "dont VTE",
    definition: "Placements sur une offre portant le label VTE (les stages de pré-VTE n'en sont pas).",
  },
  greenPlacements: {
    label: "dont VTE Vert",
    definition: "Placements sur une offre VTE dont le métier contribue à la transition écologique.",
  },
  companies: {
    label: "Entreprises inscrites",
    definition: "Entreprises inscrites sur la plateforme, comptées au territoire de leur siège.",
  },
} as const;

export type FigureKey = keyof typeof figures;
