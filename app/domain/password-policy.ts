// What a password must be. Shared by the sign-up and reset forms (client and server).
const minimumPasswordLength = 10;

/** What the password fields say under them. */
export const passwordHint = `Au moins ${minimumPasswordLength} caractères.`;

// The most used passwords of at least 10 characters in public breach lists, French ones included.
const commonPasswords = new Set([
  "1234567890",
  "0123456789",
  "123456789a",
  "azertyuiop",
  "qwertyuiop",
  "motdepasse",
  "motdepasse1",
  "motdepasse123",
  "password12",
  "password123",
  "password1234",
  "passw0rd123",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "qwerty1234",
  "qwerty12345",
  "azerty1234",
  "azerty12345",
  "azerty123456",
  "iloveyou12",
  "jetaime1234",
  "soleil1234",
  "doudou1234",
  "marseille13",
  "football12",
  "bonjour123",
  "0000000000",
  "1111111111",
  "aaaaaaaaaa",
  "abcdefghij",
  "abc1234567",
  "administrateur",
  "changeme123",
  "welcome123",
  "bienvenue1",
  "bienvenue123",
  "loulou1234",
  "chouchou12",
  "nicolas1234",
  "vte2026vte",
]);

/** A French message when the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < minimumPasswordLength) {
    return `Le mot de passe doit contenir au moins ${minimumPasswordLength} caractères.`;
  }
  if (password.length > 200) return "Le mot de passe ne doit pas dépasser 200 caractères.";
  if (commonPasswords.has(password.toLowerCase())) {
    return "Ce mot de passe est trop courant : choisissez-en un autre.";
  }
  if (email && password.toLowerCase().includes(email.split("@")[0].toLowerCase()) && email.split("@")[0].length >= 4) {
    return "Le mot de passe ne doit pas contenir votre adresse e-mail.";
  }
  return null;
}
