/**
 * IIN and BIN: the 12-digit individual and business identification numbers (Law of the Republic of Kazakhstan
 * No. 223-III of 12 January 2007 "On national registers of identification numbers"). The 12th digit is a
 * check digit: the first 11 digits weighted 1..11, modulo 11; when that gives 10, weighted 3..11, 1, 2; a
 * second 10 means no number is issued with these digits.
 */

const FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit for 11 digits, or undefined when no valid number has them. */
export function checkDigit(first11: string): number | undefined {
  if (!/^\d{11}$/.test(first11)) return undefined;
  const digits = [...first11].map(Number);
  const weigh = (weights: number[]) => digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11;
  const first = weigh(FIRST);
  if (first !== 10) return first;
  const second = weigh(SECOND);
  return second === 10 ? undefined : second;
}

function checksumOk(value: string): boolean {
  return /^\d{12}$/.test(value) && checkDigit(value.slice(0, 11)) === Number(value[11]);
}

/** An IIN: YYMMDD of birth, a century-and-sex digit, a serial and the check digit. */
export function isValidIin(value: string): boolean {
  if (!checksumOk(value)) return false;
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && Number(value[6]) <= 6;
}

/** A BIN: YYMM of registration, the entity type (4 resident, 5 non-resident legal entity, 6 joint entrepreneurship), a serial and the check digit. */
export function isValidBin(value: string): boolean {
  if (!checksumOk(value)) return false;
  const month = Number(value.slice(2, 4));
  return month >= 1 && month <= 12 && ['4', '5', '6'].includes(value[4]!);
}
