/**
 * Exact money arithmetic on cents as BigInt: sums of many 2-decimal amounts in floating point drift,
 * and the report must equal the finance team's own figures to the cent.
 */

/** `"-138.99"` → -13899n. Text with more than two decimals is rounded half-up (away from zero). */
export function toCents(text: string): bigint {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) throw new Error(`Not a decimal amount: "${text}"`);
  const [, sign, whole, fraction = ''] = match;
  let cents = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
  if ((fraction[2] ?? '0') >= '5') cents += 1n;
  return sign === '-' ? -cents : cents;
}

/** Cents as a number of currency units: -13899n → -138.99. */
export function centsToNumber(cents: bigint): number {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return Number(`${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`);
}

/** `part / whole × 100`, rounded half-up (away from zero) to 2 decimals; 0 when `whole` is 0. */
export function percentOf(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  const numerator = part * 10_000n;
  const negative = numerator < 0n !== whole < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = whole < 0n ? -whole : whole;
  let hundredths = n / d;
  if ((n % d) * 2n >= d) hundredths += 1n;
  return centsToNumber(negative ? -hundredths : hundredths);
}
