/**
 * Emoji and their joiners: pictographs (not ©, ®, ™, nor the digits, # and * that Unicode also
 * marks as emoji), skin tones, regional-indicator flags, variation selector 16, keycap and tag sequences.
 */
const EMOJI = /(?:(?![©®™])(?=\p{Extended_Pictographic})\p{Emoji}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200D\uFE0F\u20E3]|[\u{E0020}-\u{E007F}])+/gu;

/**
 * Removes the emoji of a text, for pages whose tone does not allow them; spaces left doubled
 * are made single, letters with accents and French punctuation are untouched.
 *
 * @example
 * stripEmoji('Fête 🎉 de la musique 👩‍👩‍👧 !') // 'Fête de la musique !'
 */
export function stripEmoji(text: string): string {
  return text.replace(EMOJI, '').replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+$/gm, '').replace(/^[ \t]+/gm, '');
}
