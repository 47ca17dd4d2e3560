/**
 * The most frequent function words of each language the detector knows,
 * written without accents (the detector folds them). A word shared by
 * several languages (`de`, `la`, `que`) counts for each; the distinctive
 * ones decide.
 */
export const STOP_WORDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  fr: [
    'le', 'la', 'les', 'des', 'du', 'de', 'un', 'une', 'et', 'est', 'sont', 'pour', 'dans', 'qui', 'que', 'pas', 'sur',
    'au', 'aux', 'avec', 'ce', 'cette', 'ces', 'ont', 'ete', 'plus', 'leur', 'nous', 'vous', 'il', 'elle', 'ils', 'mais',
    'ou', 'par', 'se', 'sa', 'son', 'ses', 'a', 'l', 'd', 'qu', 'n', 's', 'c', 'j', 'y', 'etre', 'fait', 'aussi',
  ],
  en: [
    'the', 'and', 'of', 'to', 'is', 'in', 'that', 'for', 'with', 'on', 'was', 'are', 'it', 'this', 'by', 'be', 'as', 'at',
    'from', 'have', 'has', 'which', 'not', 'will', 'an', 'their', 'were', 'they', 'he', 'she', 'its', 'been', 'would',
    'or', 'but', 'who', 'after', 'about', 'more', 'we', 'you',
  ],
  de: [
    'der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'dem', 'ein', 'eine', 'einen', 'zu', 'von', 'sich', 'auf',
    'fur', 'auch', 'es', 'im', 'werden', 'wird', 'sind', 'ich', 'sie', 'wir', 'bei', 'nach', 'aus', 'wie', 'oder', 'aber',
    'hat', 'noch', 'uber', 'nur',
  ],
  es: [
    'el', 'los', 'las', 'del', 'y', 'es', 'por', 'para', 'con', 'una', 'un', 'que', 'se', 'no', 'su', 'al', 'lo', 'como',
    'mas', 'pero', 'sus', 'la', 'de', 'en', 'ha', 'este', 'esta', 'fue', 'son', 'tambien', 'entre', 'cuando', 'muy',
  ],
  it: [
    'il', 'lo', 'gli', 'della', 'di', 'che', 'e', 'per', 'una', 'con', 'non', 'sono', 'del', 'nel', 'nella', 'alla',
    'dei', 'delle', 'anche', 'piu', 'questo', 'questa', 'la', 'le', 'un', 'da', 'ha', 'stato', 'essere', 'come', 'ma',
    'al', 'si', 'tra',
  ],
  nl: [
    'de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'zijn', 'niet', 'met', 'voor', 'ook', 'aan', 'er', 'wordt',
    'bij', 'worden', 'naar', 'maar', 'dit', 'die', 'om', 'hij', 'ze', 'uit', 'nog', 'wel', 'heeft', 'als', 'door', 'wat',
  ],
  pt: [
    'o', 'os', 'as', 'do', 'da', 'dos', 'das', 'e', 'nao', 'que', 'em', 'no', 'na', 'um', 'uma', 'para', 'com', 'por',
    'mais', 'se', 'ao', 'foi', 'sao', 'de', 'seu', 'sua', 'como', 'mas', 'tambem', 'pelo', 'pela', 'ja', 'ou', 'nos',
  ],
});
