// Tracking codes for complaints: short, unguessable and easy to read aloud over the phone.
//
// Nine characters from an alphabet without the look-alikes 0/O, 1/I/L, shown in groups of three
// ("K7Q-M4X-2HP"). 31^9 ≈ 2.6·10^13 codes (about 44 bits): with lookups rate-limited per address, guessing
// a live code is out of reach. Pure: the random bytes are an argument (crypto.randomBytes in the caller).

export const TRACKING_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const TRACKING_CODE_LENGTH = 9;
const GROUP = 3;
// Rejection sampling keeps every character equally likely: 248 = 8 × 31 is the largest multiple below 256.
const UNBIASED_LIMIT = Math.floor(256 / TRACKING_CODE_ALPHABET.length) * TRACKING_CODE_ALPHABET.length;

/** How many random bytes to ask for so that trackingCodeFrom almost never runs short (it then returns null). */
export const TRACKING_CODE_RANDOM_BYTES = 32;

/** A code (without dashes) from random bytes, or null if too many bytes were rejected (ask again). */
export function trackingCodeFrom(randomBytes: Uint8Array): string | null {
  let code = "";
  for (const byte of randomBytes) {
    if (byte >= UNBIASED_LIMIT) continue;
    code += TRACKING_CODE_ALPHABET[byte % TRACKING_CODE_ALPHABET.length];
    if (code.length === TRACKING_CODE_LENGTH) return code;
  }
  return null;
}

/** "K7QM4X2HP" → "K7Q-M4X-2HP", for display. */
export function formatTrackingCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join("-");
}

/**
 * What a citizen typed, made comparable: case, spaces and dashes do not matter. Returns null when it
 * cannot be a code at all (so no lookup is spent on it).
 */
export function normaliseTrackingCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-–.]/g, "");
  if (compact.length !== TRACKING_CODE_LENGTH) return null;
  for (const char of compact) if (!TRACKING_CODE_ALPHABET.includes(char)) return null;
  return compact;
}
