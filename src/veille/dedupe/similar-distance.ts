/**
 * The largest Hamming distance between two SimHashes of one story. Chosen
 * on the corpus of `testdata/french-news.ts`: 99 % of texts with one or two
 * words replaced lie within 6 bits, the closest unrelated paragraphs 18 bits
 * apart (see `simhash`). SimHash is probabilistic: a heavier edit may fall
 * outside and leave a story in two groups; a looser threshold would start
 * merging unrelated stories, which is worse for a watch.
 */
export const SIMILAR_DISTANCE = 6;
