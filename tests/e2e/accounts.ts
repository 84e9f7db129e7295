export const e2eOperator = { email: "operatrice-e2e@vte.test", password: "Pilotage-VTE-e2e-2026" };
