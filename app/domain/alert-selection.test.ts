import { describe, expect, test } from "vitest";
import { pickAlertOffers } from "./alert-selection";

const offers = (companies: string) => [...companies].map((companyId, i) => ({ id: `o${i}`, companyId }));

describe("alert selection", () => {
  test("at most 2 offers from one company, in the order given", () => {
    expect(pickAlertOffers(offers("AAABA")).map((o) => o.id)).toEqual(["o0", "o1", "o3"]);
  });
  test("at most 10 offers", () => {
    expect(pickAlertOffers(offers("ABCDEFGHIJKL"))).toHaveLength(10);
  });
  test("nothing new, nothing picked", () => {
    expect(pickAlertOffers([])).toEqual([]);
  });
});
