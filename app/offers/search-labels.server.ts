// How each filter value of a search reads in French (a region's name, a NAF label, a contract), for
// the search page and the saved searches: one reading of the URL's values.
import { contractTypes, degreeLevels, labelOf, remotePolicies, schoolKinds } from "#app/domain/codes";
import { referenceLabels } from "#app/reference/labels.server";
import type { LabelOf } from "./search-view";

export async function searchValueLabels(): Promise<LabelOf> {
  const labels = await referenceLabels();
  return (key, value) => {
    switch (key) {
      case "region":
        return labels.region.get(value) ?? value;
      case "territoire":
        return labels.territory.get(value) ?? value;
      case "departement":
        return `${labels.department.get(value) ?? value} (${value})`;
      case "secteur":
        return labels.naf.get(value) ?? value;
      case "metier":
        return labels.rome.get(value) ?? value;
      case "contrat":
        return labelOf(contractTypes, value);
      case "niveau":
        return labelOf(degreeLevels, value);
      case "ecole":
        return labelOf(schoolKinds, value);
      case "teletravail":
        return labelOf(remotePolicies, value);
    }
  };
}
