// What the platform holds on people, why, on what legal basis, who sees it and how long it is kept:
// written once here, read by the "Données personnelles" page and by the register of processing
// activities operators export. A table that holds personal data and is not declared here is a
// bug: tests/integration/personal-data.test.ts compares this list with the schema.

/**
 * The version of the terms of use and the data policy in force: a person accepts it at sign-up,
 * and is shown the new one at their next log-in when it changes (a new date here).
 */
export const termsVersion = "2026-11-30";

/** How long things are kept, in one place (the retention job and the pages read them). */
export const retention = {
  /** An account nobody logged in to for this long is anonymised (warned a month before). */
  inactiveAccountMonths: 24,
  warnBeforeAnonymisingDays: 30,
  /**
   * A CV is the most sensitive thing a student gives and serves only while they look for a
   * position: it is erased after a year without a log-in, a whole recruiting season.
   */
  cvInactiveMonths: 12,
  /** A deleted account can still be recovered by logging in during these days. */
  deletionGraceDays: 7,
  sessionDays: 30,
} as const;

export interface ProcessingActivity {
  /** The table (or index) that holds it. */
  store: string;
  holds: string;
  purpose: string;
  legalBasis: string;
  seenBy: string;
  keptFor: string;
}

const untilAnonymised = `jusqu'à la suppression du compte, ou ${retention.inactiveAccountMonths} mois sans connexion (anonymisation, après un avertissement ${retention.warnBeforeAnonymisingDays} jours avant)`;

export const processingActivities: ProcessingActivity[] = [
  {
    store: "app_user",
    holds: "nom, prénom, adresse e-mail, rôle, empreinte du mot de passe (jamais le mot de passe), école pour le personnel",
    purpose: "créer et sécuriser le compte, envoyer les messages du service",
    legalBasis: "exécution des conditions d'utilisation acceptées à l'inscription",
    seenBy:
      "la personne ; les membres de son entreprise ou de son école pour leurs collègues ; le personnel de l'école d'un étudiant pour son nom ; les opérateurs pour la modération",
    keptFor: untilAnonymised,
  },
  {
    store: "student_profile (et l'index de recherche « students »)",
    holds: "établissement, formation, niveau, situation, date de diplôme, compétences, souhaits de lieu et de contrat, visibilité",
    purpose: "proposer des offres adaptées et, si l'étudiant le choisit, être trouvé par les entreprises",
    legalBasis: "exécution du service demandé ; consentement pour la visibilité auprès des entreprises",
    seenBy:
      "l'étudiant ; une entreprise seulement si le profil est visible ou si l'étudiant a candidaté chez elle ; son école pour savoir s'il est complet et compter ses candidatures et placements",
    keptFor: untilAnonymised,
  },
  {
    store: "student_profile.cv",
    holds: "le CV déposé (PDF)",
    purpose: "le joindre aux candidatures que l'étudiant choisit",
    legalBasis: "exécution du service demandé",
    seenBy: "l'étudiant ; les entreprises auxquelles il a candidaté avec son CV",
    keptFor: `jusqu'à son retrait, la suppression du compte ou ${retention.cvInactiveMonths} mois sans connexion`,
  },
  {
    store: "application, application_status_change",
    holds: "candidatures, messages échangés, étapes",
    purpose: "permettre de candidater et de suivre la candidature",
    legalBasis: "exécution du service demandé",
    seenBy: "l'étudiant ; l'entreprise de l'offre ; l'école de l'étudiant (sans les messages)",
    keptFor: `${untilAnonymised} ; l'entreprise garde alors une trace anonyme de la candidature`,
  },
  {
    store: "offer_invitation",
    holds: "les invitations à postuler qu'une entreprise a envoyées à un profil visible (l'offre, l'étudiant, le membre, la date)",
    purpose: "proposer une offre à un étudiant qui a choisi d'être trouvé par les entreprises, une fois par offre",
    legalBasis: "consentement donné en rendant le profil visible",
    seenBy: "l'entreprise qui invite",
    keptFor: untilAnonymised,
  },
  {
    store: "profile_access",
    holds: "quelle entreprise a ouvert le profil d'un étudiant (page d'une candidature) ou téléchargé son CV, et quand",
    purpose: "permettre à l'étudiant de savoir qui a vu ses données",
    legalBasis: "intérêt légitime : la transparence envers l'étudiant",
    seenBy: "l'étudiant",
    keptFor: `${retention.inactiveAccountMonths} mois, et au plus tard jusqu'à la suppression du compte`,
  },
  {
    store: "placement",
    holds: "recrutement : territoire, date, contrat, labels VTE (sans le nom de la personne après anonymisation)",
    purpose: "compter les recrutements de chaque Territoire d'industrie pour le suivi du programme",
    legalBasis: "mission d'intérêt public du programme VTE",
    seenBy: "les opérateurs, en chiffres agrégés ; le public, en chiffres agrégés (aucun effectif de 1 à 4 publié)",
    keptFor: "la durée du programme, sans donnée nominative après anonymisation",
  },
  {
    store: "company, company_member, company_invitation, company_claim",
    holds: "entreprise (SIREN, nom, lieu), ses membres et leurs invitations, les demandes de rattachement",
    purpose: "publier des offres au nom de l'entreprise",
    legalBasis: "exécution des conditions d'utilisation",
    seenBy: "les membres de l'entreprise ; les opérateurs pour la vérification",
    keptFor: untilAnonymised,
  },
  {
    store: "school_promotion",
    holds: "les offres qu'une école recommande, avec la note et le membre du personnel qui l'a écrite",
    purpose: "relayer des offres auprès des étudiants de l'école",
    legalBasis: "exécution des conditions d'utilisation",
    seenBy: "les étudiants de l'école (sans le nom de l'auteur) ; le personnel de l'école",
    keptFor: "jusqu'au retrait de la recommandation, la clôture de l'offre ou la suppression du compte de l'auteur",
  },
  {
    store: "saved_search",
    holds: "recherches enregistrées et fréquence des alertes",
    purpose: "envoyer les alertes demandées",
    legalBasis: "consentement (l'alerte se supprime à tout moment)",
    seenBy: "l'étudiant",
    keptFor: "jusqu'à sa suppression ou celle du compte",
  },
  {
    store: "session, user_token, rate_limit",
    holds: "sessions (empreinte du jeton), codes et liens à usage unique (empreintes), compteurs de tentatives",
    purpose: "sécuriser les connexions",
    legalBasis: "intérêt légitime : la sécurité du service",
    seenBy: "personne (le service seul)",
    keptFor: `${retention.sessionDays} jours pour une session ; un code ou un lien jusqu'à son usage ou son expiration ; un compteur jusqu'à la fin de sa fenêtre`,
  },
  {
    store: "outbox_job (messages à envoyer)",
    holds: "le destinataire et le contenu d'un e-mail en attente",
    purpose: "envoyer les e-mails sans bloquer les pages",
    legalBasis: "exécution du service demandé",
    seenBy: "personne (le service seul)",
    keptFor: "jusqu'à l'envoi : le contenu est alors effacé, seul le nom du modèle reste",
  },
];

/** The register of processing activities as a Markdown document (operators export it). */
export function processingRegisterMarkdown(generatedAt: Date): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  return [
    "# Registre des activités de traitement — plateforme VTE",
    "",
    `Généré le ${generatedAt.toISOString().slice(0, 10)} à partir des déclarations du code (app/domain/personal-data.ts).`,
    "",
    "| Stockage | Données | Finalité | Base légale | Destinataires | Conservation |",
    "|---|---|---|---|---|---|",
    ...processingActivities.map((a) => `| ${[a.store, a.holds, a.purpose, a.legalBasis, a.seenBy, a.keptFor].map(cell).join(" | ")} |`),
    "",
  ].join("\n");
}
