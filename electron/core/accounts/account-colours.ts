import { createHash } from 'node:crypto';

/** Red is kept for production so it is never mistaken for test (green). */
export const PRODUCTION_COLOUR = '#c62828';
export const TEST_COLOUR = '#2e7d32';
const PALETTE = ['#1565c0', '#6a1b9a', '#00838f', '#ef6c00', '#4e342e', '#283593', '#ad1457', '#558b2f'];

/** The colour an account gets until the person picks one: by its name, else stable by its id. */
export function defaultColour(accountId: string, accountName: string): string {
  if (/(^|[^a-z])(prod|prd|production|live)([^a-z]|$)/i.test(accountName)) return PRODUCTION_COLOUR;
  if (/(^|[^a-z])(test|dev|development|sandbox|staging|stage|qa|uat)([^a-z]|$)/i.test(accountName))
    return TEST_COLOUR;
  const hash = createHash('sha1').update(accountId).digest();
  return PALETTE[hash[0]! % PALETTE.length]!;
}
