import { randomBytes } from 'node:crypto';

// Crockford's base32 without I, L, O, U: easy to read aloud and to type back.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short reference shown to the user and written to the log, e.g. E-7KQ2M9XD. */
export function createErrorReference(): string {
	return `E-${Array.from(randomBytes(8), (byte) => ALPHABET[byte % 32]).join('')}`;
}
