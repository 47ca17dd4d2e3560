import { formatLongDate } from '../../i18n/format-date.js';
import type { PublicContext } from '../../http/layout.js';
import type { Article } from '../article.js';
import { excerpt, plainText } from '../excerpt.js';
import type { MediaItem } from '../../media/media-item.js';
import { MediaPicture } from '../../media/views/media-picture.js';

/** Teasers are at most a third of the page wide on large screens, the whole width on phones. */
const TEASER_SIZES = '(min-width: 48rem) 22rem, 100vw';

/**
 * One article in a list: its illustration (lazy unless `eager`), title, its section (unless `showSection` is false), date, trimmed excerpt,
 * how many forum messages are published (when any) and a "lire la suite" link.
 * The section comes after the title in the source, so headings lead when read aloud; the theme
 * shows it above.
 */
export function ArticleTeaser(props: { ctx: PublicContext; article: Article; headingLevel: 2 | 3; showSection?: boolean; comments?: number; logo?: MediaItem; eager?: boolean }) {
  const { ctx, article } = props;
  const { language, timeZone } = ctx.site.settings;
  const section = props.showSection === false ? undefined : ctx.site.sections.find((s) => s.id === article.sectionId);
  const Heading = `h${props.headingLevel}` as 'h2' | 'h3';
  const href = `/article/${article.slug}`;
  return (
    <article class="teaser">
      <Heading class="teaser-title"><a href={href}>{article.title}</a></Heading>
      {section ? <p class="teaser-section">{section.title}</p> : null}
      {props.logo ? <MediaPicture item={props.logo} sizes={TEASER_SIZES} eager={props.eager} class="teaser-logo" /> : null}
      {article.publishedAt ? (
        <p class="teaser-date"><time datetime={article.publishedAt}>{formatLongDate(article.publishedAt, language, timeZone)}</time></p>
      ) : null}
      <p class="teaser-excerpt">{excerpt(plainText(article.lead || article.body), 220)}</p>
      {props.comments ? (
        <p class="teaser-comments">
          <a href={`${href}#forum`}>
            {props.comments === 1 ? ctx.t('forum.countOne') : ctx.t('forum.countMany', { n: props.comments.toLocaleString(language) })}
            <span class="visually-hidden"> {ctx.t('forum.commentsOn', { title: article.title })}</span>
          </a>
        </p>
      ) : null}
      <p class="teaser-more">
        <a href={href}>{ctx.t('site.readMore')}<span class="visually-hidden"> : {article.title}</span></a>
      </p>
    </article>
  );
}
