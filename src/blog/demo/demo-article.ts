/** A demo section, keyed so articles can name it. */
export interface DemoSection {
  readonly key: string;
  readonly title: string;
  readonly description: string;
}

/**
 * A demo article; `daysAgo` spreads publication dates over two years.
 *
 * A body may link to another demo article with `%art:key%` where SPIP expects an article
 * number (`[->%art:budget%]`, `[texte->%art:budget%]`): the loader replaces it with `art<id>`
 * once that article exists, so links stay right whatever ids the database hands out.
 */
export interface DemoArticle {
  /** Names the article for `%art:key%` links from articles published after it. */
  readonly key: string;
  readonly section: string;
  readonly title: string;
  readonly lead: string;
  readonly body: string;
  readonly credits: string;
  readonly daysAgo: number;
}
