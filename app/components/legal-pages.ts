/** The pages every page links to, in its footer. */
export const legalPages = [
  { to: "/mentions-legales", label: "Mentions légales" },
  { to: "/conditions-utilisation", label: "Conditions d'utilisation" },
  { to: "/donnees-personnelles", label: "Données personnelles" },
  { to: "/cookies", label: "Cookies" },
  { to: "/accessibilite", label: "Accessibilité" },
  { to: "/contact", label: "Contact" },
];
