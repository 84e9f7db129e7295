// What the demo world is made of: industrial sectors (real NAF sub-classes) and the VTE jobs they
// hire for (real ROME 4.0 fiches), with French titles and missions to compose offers from.
import type { DegreeLevel, SchoolKind } from "#app/generated/prisma/enums";

export interface Job {
  rome: string;
  titles: string[];
  missions: string[];
  profile: string;
  degrees: DegreeLevel[];
  schools: SchoolKind[];
}

export interface Sector {
  name: string;
  activity: string;
  naf: string[];
  products: string[];
  jobs: string[]; // ROME codes, most frequent first
}

export const jobs: Record<string, Job> = {
  H1206: {
    rome: "H1206",
    titles: ["Ingénieur R&D {product}", "Ingénieur conception mécanique", "Chef de projet R&D", "Ingénieur innovation produit"],
    missions: [
      "concevoir les nouvelles générations de {product} avec le bureau d'études",
      "mener les essais et qualifier les prototypes",
      "rédiger les cahiers des charges et suivre les fournisseurs de sous-ensembles",
      "réduire l'empreinte carbone de nos produits dès la conception",
    ],
    profile: "Formation d'ingénieur en mécanique, matériaux ou génie industriel ; aisance en CAO (SolidWorks, CATIA).",
    degrees: ["BAC5", "DOCTORATE"],
    schools: ["ENGINEERING"],
  },
  H1502: {
    rome: "H1502",
    titles: [
      "Ingénieur qualité fournisseurs",
      "Responsable qualité produit",
      "Ingénieur amélioration continue (Lean)",
      "Chargé qualité et certification ISO 9001",
    ],
    missions: [
      "piloter le système de management de la qualité et préparer les audits de certification",
      "animer les résolutions de problèmes (8D, AMDEC) avec la production",
      "suivre les indicateurs qualité et les réclamations clients",
      "accompagner nos fournisseurs dans leurs plans de progrès",
    ],
    profile: "Bac+3 à bac+5 en qualité, génie industriel ou école d'ingénieurs ; rigueur et sens du terrain.",
    degrees: ["BAC3", "BAC4", "BAC5"],
    schools: ["ENGINEERING"],
  },
  H2502: {
    rome: "H2502",
    titles: [
      "Responsable de production",
      "Ingénieur industrialisation",
      "Chef d'atelier {product}",
      "Ingénieur méthodes et industrialisation",
    ],
    missions: [
      "organiser la production de l'atelier et encadrer une équipe de techniciens et d'opérateurs",
      "industrialiser les nouveaux produits et optimiser les gammes de fabrication",
      "améliorer la sécurité, la qualité et les délais de l'atelier",
      "conduire un projet d'usine 4.0 (suivi de production en temps réel)",
    ],
    profile: "Ingénieur généraliste ou en génie industriel, goût du management et du terrain.",
    degrees: ["BAC5"],
    schools: ["ENGINEERING"],
  },
  I1102: {
    rome: "I1102",
    titles: ["Ingénieur maintenance industrielle", "Responsable travaux neufs", "Ingénieur fiabilité et maintenance"],
    missions: [
      "définir la politique de maintenance préventive de la ligne de production",
      "conduire les projets de travaux neufs et d'amélioration des équipements",
      "analyser les pannes et fiabiliser le parc machines",
      "réduire les consommations d'énergie de l'usine",
    ],
    profile: "Ingénieur en maintenance, électrotechnique ou mécanique ; habilitations électriques appréciées.",
    degrees: ["BAC3", "BAC5"],
    schools: ["ENGINEERING"],
  },
  H1102: {
    rome: "H1102",
    titles: ["Ingénieur d'affaires export", "Chargé d'affaires industrielles", "Ingénieur d'affaires {product}"],
    missions: [
      "développer un portefeuille de clients industriels en France et à l'export",
      "chiffrer les offres techniques avec le bureau d'études",
      "négocier les contrats et suivre la réalisation des affaires",
      "représenter l'entreprise sur les salons professionnels",
    ],
    profile: "Double compétence technique et commerciale ; anglais courant.",
    degrees: ["BAC5"],
    schools: ["ENGINEERING", "BUSINESS"],
  },
  D1407: {
    rome: "D1407",
    titles: ["Technico-commercial export", "Commercial export Europe", "Technico-commercial sédentaire"],
    missions: [
      "prospecter de nouveaux distributeurs en Europe",
      "conseiller les clients sur le choix de nos {product}",
      "préparer les devis et suivre les commandes avec l'administration des ventes",
      "analyser le marché et la concurrence",
    ],
    profile: "Bac+2 à bac+5 en commerce international ou technique ; anglais courant, une deuxième langue est un plus.",
    degrees: ["BAC2", "BAC3", "BAC5"],
    schools: ["BUSINESS", "ENGINEERING"],
  },
  D1402: {
    rome: "D1402",
    titles: ["Business developer grands comptes", "Responsable grands comptes", "Key account manager"],
    missions: [
      "gérer et développer un portefeuille de grands comptes industriels",
      "construire les plans de compte et négocier les accords annuels",
      "coordonner les équipes techniques et logistiques pour vos clients",
    ],
    profile: "École de commerce ou d'ingénieurs ; goût de la négociation.",
    degrees: ["BAC5"],
    schools: ["BUSINESS"],
  },
  M1101: {
    rome: "M1101",
    titles: ["Acheteur projets", "Acheteur industriel", "Acheteur matières premières"],
    missions: [
      "sourcer et qualifier de nouveaux fournisseurs, en privilégiant les circuits courts",
      "négocier les prix, délais et conditions d'achat",
      "suivre la performance des fournisseurs",
      "sécuriser les approvisionnements critiques",
    ],
    profile: "Bac+5 école de commerce ou d'ingénieurs, spécialisation achats appréciée.",
    degrees: ["BAC4", "BAC5"],
    schools: ["BUSINESS", "ENGINEERING"],
  },
  N1301: {
    rome: "N1301",
    titles: ["Responsable supply chain", "Ingénieur logistique", "Chef de projet supply chain"],
    missions: [
      "optimiser les flux entre nos sites, nos fournisseurs et nos clients",
      "piloter le plan industriel et commercial (PIC) avec les ventes et la production",
      "déployer un nouvel entrepôt et ses outils de gestion",
      "réduire les stocks et les émissions liées au transport",
    ],
    profile: "Ingénieur ou école de commerce avec une spécialisation supply chain.",
    degrees: ["BAC5"],
    schools: ["ENGINEERING", "BUSINESS"],
  },
  H1401: {
    rome: "H1401",
    titles: ["Responsable ordonnancement", "Planificateur de production", "Gestionnaire de production et planification"],
    missions: [
      "établir le planning de production à partir du carnet de commandes",
      "arbitrer les priorités avec les ateliers et le service client",
      "fiabiliser les données de l'ERP",
    ],
    profile: "Bac+2 à bac+5 en gestion de production ou logistique.",
    degrees: ["BAC2", "BAC3", "BAC5"],
    schools: ["ENGINEERING", "BUSINESS"],
  },
  M1805: {
    rome: "M1805",
    titles: ["Développeur logiciel embarqué", "Développeur full stack industrie 4.0", "Ingénieur logiciel"],
    missions: [
      "développer les logiciels de pilotage de nos machines",
      "connecter les équipements de l'usine et valoriser leurs données",
      "écrire des tests automatisés et documenter le code",
    ],
    profile: "Ingénieur ou master en informatique ; C/C++, Python ou TypeScript.",
    degrees: ["BAC3", "BAC5"],
    schools: ["ENGINEERING"],
  },
  M1806: {
    rome: "M1806",
    titles: ["Consultant ERP", "Chef de projet ERP", "Chef de projet systèmes d'information"],
    missions: [
      "accompagner le déploiement du nouvel ERP dans nos usines",
      "recueillir les besoins des métiers et rédiger les spécifications",
      "former les utilisateurs et assurer le support",
    ],
    profile: "Ingénieur ou école de commerce avec une spécialisation systèmes d'information.",
    degrees: ["BAC5"],
    schools: ["ENGINEERING", "BUSINESS"],
  },
  M1705: {
    rome: "M1705",
    titles: ["Chef de produit {product}", "Responsable marketing produit", "Chargé de marketing digital B2B"],
    missions: [
      "définir la gamme et le positionnement de nos {product}",
      "lancer les nouveaux produits avec les équipes commerciales",
      "animer notre présence en ligne et les campagnes auprès des clients professionnels",
    ],
    profile: "École de commerce ; curiosité technique.",
    degrees: ["BAC3", "BAC5"],
    schools: ["BUSINESS"],
  },
  M1707: {
    rome: "M1707",
    titles: ["Responsable développement commercial", "Responsable export", "Chargé de développement international"],
    missions: [
      "définir la stratégie d'export sur de nouveaux pays",
      "structurer le réseau d'agents et de distributeurs",
      "suivre le chiffre d'affaires et la rentabilité par marché",
    ],
    profile: "École de commerce, expérience internationale (stage, échange) appréciée.",
    degrees: ["BAC5"],
    schools: ["BUSINESS"],
  },
  M1503: {
    rome: "M1503",
    titles: ["Chargé de recrutement et marque employeur", "Responsable RH de site", "Chargé de développement RH"],
    missions: [
      "recruter les talents de l'usine, des opérateurs aux ingénieurs",
      "développer la marque employeur auprès des écoles du territoire",
      "piloter le plan de développement des compétences",
    ],
    profile: "Bac+5 en ressources humaines ou école de commerce.",
    degrees: ["BAC5"],
    schools: ["BUSINESS"],
  },
  M1205: {
    rome: "M1205",
    titles: ["Contrôleur de gestion industriel", "Responsable administratif et financier", "Contrôleur de gestion"],
    missions: [
      "construire le budget et suivre les coûts de revient",
      "produire le reporting mensuel pour la direction",
      "analyser la rentabilité des produits et des investissements",
    ],
    profile: "École de commerce ou master en contrôle de gestion ; maîtrise d'Excel.",
    degrees: ["BAC5"],
    schools: ["BUSINESS"],
  },
  H1302: {
    rome: "H1302",
    titles: ["Ingénieur HSE", "Responsable QHSE", "Chargé de mission environnement et sécurité"],
    missions: [
      "déployer la politique santé, sécurité et environnement du site",
      "conduire l'analyse des risques et le document unique",
      "préparer la certification ISO 14001 et suivre les rejets",
    ],
    profile: "Ingénieur ou master HSE.",
    degrees: ["BAC5"],
    schools: ["ENGINEERING"],
  },
  K2306: {
    rome: "K2306",
    titles: ["Responsable de site de valorisation", "Chef de projet économie circulaire", "Ingénieur valorisation des déchets"],
    missions: [
      "piloter l'activité d'un site de tri et de valorisation",
      "développer de nouvelles filières de recyclage avec les industriels du territoire",
      "suivre les indicateurs environnementaux et réglementaires",
    ],
    profile: "Ingénieur en environnement, procédés ou génie industriel.",
    degrees: ["BAC5"],
    schools: ["ENGINEERING"],
  },
  H1208: {
    rome: "H1208",
    titles: ["Automaticien", "Ingénieur automatisme et robotique", "Ingénieur automatisme"],
    missions: [
      "programmer les automates et les robots des lignes de production",
      "concevoir les architectures de contrôle-commande",
      "mettre en service les machines chez nos clients",
    ],
    profile: "Bac+2 à bac+5 en automatisme, électrotechnique ou robotique.",
    degrees: ["BAC2", "BAC3", "BAC5"],
    schools: ["ENGINEERING"],
  },
  H1203: {
    rome: "H1203",
    titles: ["Dessinateur-projeteur mécanique", "Projeteur CAO", "Technicien bureau d'études"],
    missions: [
      "modéliser en 3D les ensembles mécaniques et produire les plans",
      "dimensionner les pièces avec les ingénieurs calcul",
      "gérer les nomenclatures et les modifications",
    ],
    profile: "BTS CPI, BUT GMP ou licence professionnelle ; SolidWorks ou Creo.",
    degrees: ["BAC2", "BAC3"],
    schools: ["ENGINEERING"],
  },
  F1106: {
    rome: "F1106",
    titles: ["Ingénieur études de prix", "Ingénieur méthodes BTP", "Chargé d'études techniques"],
    missions: [
      "chiffrer les projets en réponse aux appels d'offres",
      "optimiser les solutions techniques et les modes opératoires",
      "intégrer les critères bas carbone aux variantes proposées",
    ],
    profile: "Ingénieur génie civil ou BTP.",
    degrees: ["BAC5"],
    schools: ["ENGINEERING"],
  },
  K2402: {
    rome: "K2402",
    titles: ["Ingénieur de recherche matériaux", "Ingénieur procédés", "Docteur ingénieur R&D"],
    missions: [
      "conduire un programme de recherche sur de nouveaux matériaux",
      "mettre au point les procédés à l'échelle pilote",
      "publier et protéger les résultats (brevets)",
    ],
    profile: "Doctorat ou diplôme d'ingénieur en chimie, matériaux ou physique.",
    degrees: ["BAC5", "DOCTORATE"],
    schools: ["ENGINEERING"],
  },
  H2902: {
    rome: "H2902",
    titles: ["Technicien chaudronnerie industrielle", "Responsable d'atelier chaudronnerie", "Ingénieur tuyauterie et chaudronnerie"],
    missions: [
      "préparer les plans de fabrication et les développés de tôlerie avec le bureau d'études",
      "organiser la découpe laser, le pliage et l'assemblage des ensembles mécano-soudés",
      "contrôler la conformité des pièces aux plans et aux normes (EN 1090)",
      "industrialiser les nouveaux équipements sous pression",
    ],
    profile: "BTS conception et réalisation en chaudronnerie industrielle, BUT GMP ou école d'ingénieurs ; lecture de plans et SolidWorks.",
    degrees: ["BAC2", "BAC3", "BAC5"],
    schools: ["ENGINEERING"],
  },
  H2913: {
    rome: "H2913",
    titles: ["Technicien soudage", "Ingénieur soudage (IWE)", "Coordinateur en soudage"],
    missions: [
      "rédiger et qualifier les modes opératoires de soudage (TIG, MIG-MAG)",
      "former les opérateurs et suivre leurs qualifications",
      "analyser les défauts et piloter les contrôles non destructifs",
      "robotiser les postes de soudage de l'atelier",
    ],
    profile: "BTS ou licence professionnelle en soudage, ingénieur matériaux ; connaissance des normes ISO 3834.",
    degrees: ["BAC2", "BAC3", "BAC5"],
    schools: ["ENGINEERING"],
  },
  H1404: {
    rome: "H1404",
    titles: ["Technicien méthodes industrialisation", "Préparateur méthodes", "Ingénieur méthodes process"],
    missions: [
      "rédiger les gammes de fabrication et les instructions de travail",
      "chronométrer les postes et équilibrer les lignes de production",
      "chiffrer les temps et les coûts des nouvelles pièces",
      "déployer les outils du Lean manufacturing (5S, SMED)",
    ],
    profile: "BTS, BUT ou école d'ingénieurs en génie industriel ou mécanique ; maîtrise d'un ERP.",
    degrees: ["BAC2", "BAC3", "BAC5"],
    schools: ["ENGINEERING"],
  },
  N1303: {
    rome: "N1303",
    titles: ["Responsable d'entrepôt", "Chef de projet flux logistiques", "Coordinateur logistique"],
    missions: [
      "organiser la réception, le stockage et l'expédition des marchandises",
      "paramétrer le WMS et suivre les indicateurs de l'entrepôt",
      "encadrer les équipes de préparation de commandes",
      "réduire les distances parcourues et les emballages",
    ],
    profile: "Bac+2 à bac+5 en logistique ou supply chain ; aisance avec les outils informatiques.",
    degrees: ["BAC2", "BAC3", "BAC5"],
    schools: ["ENGINEERING", "BUSINESS"],
  },
};

export const sectors: Sector[] = [
  {
    name: "mécanique",
    activity: "mécanique de précision",
    naf: ["25.62B", "25.11Z", "28.41Z", "28.29B", "25.73A"],
    products: ["pièces usinées", "machines spéciales", "moules"],
    jobs: ["H2502", "H1206", "H1502", "I1102", "H1203", "H2902", "H1404", "H2913", "H1102", "D1407", "M1101", "H1401", "M1205"],
  },
  {
    name: "agroalimentaire",
    activity: "agroalimentaire",
    naf: ["10.13A", "10.51A", "10.71A", "10.89Z", "11.02A"],
    products: ["produits frais", "plats cuisinés", "produits laitiers"],
    jobs: ["H2502", "H1502", "I1102", "N1301", "M1705", "M1101", "H1302", "N1303", "M1503", "M1707"],
  },
  {
    name: "plasturgie et chimie",
    activity: "plasturgie et chimie",
    naf: ["20.16Z", "22.29A", "22.21Z", "20.59Z"],
    products: ["pièces plastiques", "composites", "résines"],
    jobs: ["K2402", "H1206", "H2502", "H1502", "H1302", "D1407", "M1101"],
  },
  {
    name: "électronique",
    activity: "électronique et équipements électriques",
    naf: ["26.11Z", "27.12Z", "27.90Z", "26.51B"],
    products: ["cartes électroniques", "armoires électriques", "capteurs"],
    jobs: ["H1206", "M1805", "H1208", "H1502", "H1102", "D1407", "H2502"],
  },
  {
    name: "aéronautique et automobile",
    activity: "équipements aéronautiques et automobiles",
    naf: ["30.30Z", "29.32Z", "29.10Z"],
    products: ["sous-ensembles aéronautiques", "équipements automobiles"],
    jobs: ["H1206", "H1502", "H2502", "H2902", "H1404", "N1301", "H1401", "M1101", "M1806"],
  },
  {
    name: "bois et papier",
    activity: "transformation du bois et du papier",
    naf: ["16.23Z", "17.21A"],
    products: ["charpentes", "emballages carton"],
    jobs: ["H2502", "I1102", "M1707", "D1407", "M1205", "N1301", "N1303"],
  },
  {
    name: "textile",
    activity: "textiles techniques",
    naf: ["13.20Z", "13.96Z"],
    products: ["textiles techniques", "tissus"],
    jobs: ["H1206", "M1705", "M1707", "H2502", "D1402"],
  },
  {
    name: "ingénierie",
    activity: "ingénierie et bureau d'études",
    naf: ["71.12B", "72.19Z"],
    products: ["études d'installations", "prototypes"],
    jobs: ["H1206", "H1208", "F1106", "K2402", "H1102", "M1805"],
  },
  {
    name: "numérique",
    activity: "logiciels pour l'industrie",
    naf: ["62.01Z", "62.02A"],
    products: ["logiciels industriels", "solutions de supervision"],
    jobs: ["M1805", "M1806", "M1705", "D1402", "M1503"],
  },
  {
    name: "énergie et recyclage",
    activity: "énergie et économie circulaire",
    naf: ["38.32Z", "35.11Z", "38.21Z"],
    products: ["matières recyclées", "énergie renouvelable"],
    jobs: ["K2306", "H1302", "I1102", "H2913", "H1102", "M1205"],
  },
  {
    name: "métallurgie et matériaux",
    activity: "métallurgie et matériaux",
    naf: ["24.10Z", "23.61Z"],
    products: ["aciers spéciaux", "éléments en béton"],
    jobs: ["K2402", "H2502", "H1302", "I1102", "M1101"],
  },
  {
    name: "santé",
    activity: "industrie de santé",
    naf: ["21.20Z", "32.50A"],
    products: ["dispositifs médicaux", "médicaments"],
    jobs: ["H1502", "H1206", "H2502", "M1705", "M1503"],
  },
];

export const companyNameParts = {
  prefixes: [
    "Ateliers",
    "Forges",
    "Usines",
    "Manufacture",
    "Industries",
    "Techniques",
    "Établissements",
    "Groupe",
    "Mécanique",
    "Laboratoires",
  ],
  suffixes: ["Industrie", "Technologies", "Systèmes", "Solutions", "Process", "Composites", "Précision", "Énergies", "Innovation"],
};

export const benefits = [
  "une entreprise à taille humaine où vos idées comptent",
  "un tuteur dédié et un vrai parcours d'intégration",
  "un poste à responsabilité dès votre arrivée",
  "un territoire dynamique, entre ville moyenne et nature",
  "un accord d'intéressement et une mutuelle prise en charge",
  "des projets concrets au cœur de la transition écologique de l'industrie",
];
