/** Words shorter than this are left whole, and no rule leaves fewer letters. */
const MIN_STEM = 3;

function isVowel(code: number): boolean {
  // a e i o u y
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117 || code === 121;
}

/**
 * A light French stem of a folded word (lower case, no accents), so that a
 * plain word of a watch finds its plural, feminine and common verb forms.
 * In order, each rule applying only if at least three letters remain:
 * plural (`-eaux` → `-eau`, `-aux` → `-al`, final `-x`, final `-s` but not
 * `-ss`), up to two final `-e`, then `-er`, then a doubled final consonant
 * made single, then `-iv` → `-if`. Words with a digit are kept as they are.
 * Deliberately light (in the spirit of Savoy's French light stemmer):
 * `conseiller` finds `conseil`, but `travaux` does not find `travail`.
 *
 * @example
 * stemFrenchWord('festivals'); // 'festival'
 * stemFrenchWord('organisees'); // 'organis' — as 'organiser' and 'organise'
 * stemFrenchWord('nouvelles'); // 'nouvel'
 * stemFrenchWord('sportive'); // 'sportif'
 */
export function stemFrenchWord(word: string): string {
  let end = word.length;
  if (end <= MIN_STEM) return word;
  for (let i = 0; i < end; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return word;
  }
  const at = (back: number) => word.charCodeAt(end - back);
  let tail = '';
  // Plural: -eaux → -eau, -aux → -al, -x, -s (not -ss).
  if (at(1) === 120 /* x */) {
    if (at(2) === 117 && at(3) === 97 && at(4) === 101) end -= 1;
    else if (at(2) === 117 && at(3) === 97 && end - 3 + 2 >= MIN_STEM) { end -= 2; tail = 'l'; }
    else if (end - 1 >= MIN_STEM) end -= 1;
  } else if (at(1) === 115 /* s */ && at(2) !== 115 && end - 1 >= MIN_STEM) {
    end -= 1;
  }
  if (tail === '') {
    // Feminine and past participles: -e, -ee; infinitives: -er.
    if (at(1) === 101 && end - 1 >= MIN_STEM) end -= 1;
    if (at(1) === 101 && end - 1 >= MIN_STEM) end -= 1;
    if (at(1) === 114 && at(2) === 101 && end - 2 >= MIN_STEM) end -= 2;
    // nouvelle → nouvel, parisienne → parisien.
    if (at(1) === at(2) && !isVowel(at(1)) && end - 1 >= MIN_STEM) end -= 1;
    // sportive → sportif.
    if (at(1) === 118 && at(2) === 105) { end -= 1; tail = 'f'; }
  }
  return end === word.length && tail === '' ? word : word.slice(0, end) + tail;
}
