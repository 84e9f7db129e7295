// French words too common to rank on; Meilisearch ignores them in queries and documents.
export const frenchStopWords = [
  "a", "à", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "en", "et", "la", "le",
  "les", "leur", "leurs", "l", "d", "mais", "ou", "où", "par", "pour", "sa", "se", "ses", "son",
  "sur", "un", "une", "vos", "votre", "nous", "vous", "il", "elle", "ils", "elles", "qui", "que",
  "quoi", "dont", "est", "sont", "être", "avoir", "y", "ne", "pas", "plus", "h", "f", "hf", "fh",
];
