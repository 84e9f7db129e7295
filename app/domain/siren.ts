// SIREN: 9 digits whose Luhn sum is a multiple of 10. La Poste (356 000 000) is the known
// exception: its establishments are numbered outside the rule, so its SIREN is accepted as is.
const laPosteSiren = "356000000";

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Accepts "123 456 789" as typed; returns the 9 digits or null. */
export function normalizeSiren(input: string): string | null {
  const digits = input.replace(/[\s.]/g, "");
  return /^\d{9}$/.test(digits) ? digits : null;
}

export function isValidSiren(input: string): boolean {
  const siren = normalizeSiren(input);
  return !!siren && (siren === laPosteSiren || luhnValid(siren));
}

/** Completes 8 digits with the Luhn key (for demo data and tests). */
export function withLuhnKey(eightDigits: string): string {
  for (let key = 0; key <= 9; key++) {
    if (luhnValid(`${eightDigits}${key}`)) return `${eightDigits}${key}`;
  }
  throw new Error("unreachable: one key digit always completes a Luhn number");
}
