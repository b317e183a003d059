/** A compose file of 1,024,050 bytes whose `x-wide` is one flow mapping of 153,000 keys. */
export function wideMapping(): string;
