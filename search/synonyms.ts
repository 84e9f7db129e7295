// Every synonym the offer search knows, in one place. Each group is mutual: any word finds the
// others. Keep words lower-case and accent-free as well as accented when people type both.
const synonymGroups: string[][] = [
  ["ingé", "inge", "ingénieur", "ingenieur", "ingénieure", "ingenieure"],
  ["alternance", "apprentissage", "alternant", "apprenti", "contrat pro", "professionnalisation"],
  ["bts", "bac+2", "bac2", "dut"],
  ["licence", "bachelor", "bac+3", "bac3", "but"],
  ["master", "bac+5", "bac5", "diplôme d'ingénieur", "mastère"],
  ["doctorat", "phd", "thèse", "these", "docteur"],
  ["commercial", "vendeur", "business developer", "chargé d'affaires", "technico-commercial"],
  ["export", "international", "import-export"],
  ["qualité", "qualite", "qse", "qhse"],
  ["rh", "ressources humaines"],
  ["méca", "meca", "mécanique", "mecanique"],
  ["élec", "elec", "électrique", "electrique", "électrotechnique", "electrotechnique"],
  ["info", "informatique", "développeur", "developpeur", "dev"],
  ["data", "données", "donnees", "data analyst", "analyste de données"],
  ["supply chain", "logistique", "chaîne logistique"],
  ["achats", "acheteur", "approvisionneur"],
  ["r&d", "recherche et développement", "rd"],
  ["maintenance", "maintenancier", "technicien de maintenance"],
  ["production", "fabrication", "usinage"],
  ["hse", "sécurité environnement", "environnement"],
  ["cdi", "contrat à durée indéterminée"],
  ["cdd", "contrat à durée déterminée"],
];

/** Meilisearch's shape: each word maps to the other words of its groups. */
export function meilisearchSynonyms(groups: string[][] = synonymGroups): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) {
      const others = group.filter((other) => other !== word);
      synonyms[word] = [...new Set([...(synonyms[word] ?? []), ...others])];
    }
  }
  return synonyms;
}
