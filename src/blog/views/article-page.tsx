import type { VNode } from 'preact';
import { formatLongDate, formatMonthYear } from '../../i18n/format-date.js';
import { PublicLayout, type PublicContext } from '../../http/layout.js';
import type { Article } from '../article.js';
import { renderArticleText, type RenderedText } from '../article-text.js';
import { renderDocument } from '../../http/render.js';
import { excerpt, plainText } from '../excerpt.js';
import { ArticleTeaser } from './article-teaser.js';
import { ancestors, Breadcrumb } from './list-pages.js';
import { createDocumentResolver } from '../../media/document-resolver.js';
import { altOf, BODY_SIZES, imageSources } from '../../media/image-sources.js';
import type { MediaItem } from '../../media/media-item.js';
import { MediaPicture } from '../../media/views/media-picture.js';
import { logoOf } from '../article-logo.js';

export interface ArticlePageProps {
  readonly ctx: PublicContext;
  readonly article: Article;
  readonly lead: RenderedText;
  readonly body: RenderedText;
  readonly related: readonly Article[];
  /** The forum under the article (articles only, not footer pages). */
  readonly forum?: VNode;
  /** The media the page shows, by id: the illustrations of the article and of "Autres articles". */
  readonly media: ReadonlyMap<number, MediaItem>;
}

/** OpenGraph / Twitter card image: the illustration's web size, absolute. */
function shareImage(logo: MediaItem | undefined, publicUrl: string) {
  if (!logo) return undefined;
  const s = imageSources(logo, publicUrl);
  return { url: s.src, alt: altOf(logo), width: s.width, height: s.height, type: logo.mime };
}

/** The article page: breadcrumb, title, date, credits, lead, body, notes, then "Autres articles". */
export function ArticlePage(props: ArticlePageProps) {
  const { ctx, article } = props;
  const { language, timeZone } = ctx.site.settings;
  const section = ctx.site.sections.find((s) => s.id === article.sectionId);
  const trail = section ? ancestors(ctx.site.sections, section) : [];
  const isPage = article.kind === 'page';
  const canonical = `${ctx.publicUrl}/${isPage ? 'page' : 'article'}/${article.slug}`;
  const description = excerpt(plainText(article.lead || article.body), 200);
  const logo = logoOf(article, props.media);
  return (
    <PublicLayout
      ctx={ctx}
      currentSectionId={trail[0]?.id}
      meta={{
        title: article.title, description, canonical, type: isPage ? 'website' : 'article', publishedAt: article.publishedAt ?? undefined,
        image: shareImage(logo, ctx.publicUrl),
        feeds: props.forum ? [{ title: `${ctx.t('forum.feedArticle', { title: article.title })} (RSS)`, href: `${canonical}/forum.xml`, type: 'rss' }] : undefined,
      }}
    >
      <div class="article-column">
        <Breadcrumb ctx={ctx} trail={trail} current={article.title} />
        <article class="article">
          <header class="article-header">
            <h1 class="page-title">{article.title}</h1>
            {!isPage && article.publishedAt ? (
              <p class="article-date">
                <time datetime={article.publishedAt} title={formatLongDate(article.publishedAt, language, timeZone)}>
                  {formatMonthYear(article.publishedAt, language, timeZone)}
                </time>
              </p>
            ) : null}
            {article.credits ? <p class="article-credits">{ctx.t('site.sources')} {article.credits}</p> : null}
          </header>
          {logo ? (
            <figure class="article-logo">
              <MediaPicture item={logo} sizes={BODY_SIZES} eager />
              {logo.caption || logo.credit ? <figcaption>{logo.caption}{logo.caption && logo.credit ? ' ' : ''}{logo.credit ? <span class="credit">{logo.credit}</span> : null}</figcaption> : null}
            </figure>
          ) : null}
          {props.lead.html ? <div class="chapo" dangerouslySetInnerHTML={{ __html: props.lead.html }} /> : null}
          <div class="texte" dangerouslySetInnerHTML={{ __html: props.body.html }} />
          {props.lead.notes || props.body.notes ? (
            <section class="notes" aria-labelledby="notes-titre">
              <h2 class="notes-title" id="notes-titre">Notes</h2>
              <div dangerouslySetInnerHTML={{ __html: props.lead.notes + props.body.notes }} />
            </section>
          ) : null}
        </article>
        {props.forum ?? null}
      </div>
      {props.related.length > 0 ? (
        <section class="related" aria-labelledby="autres-articles">
          <h2 id="autres-articles">{ctx.t('site.related')}</h2>
          <div class="teasers">{props.related.map((a) => <ArticleTeaser ctx={ctx} article={a} headingLevel={3} logo={logoOf(a, props.media)} />)}</div>
        </section>
      ) : null}
    </PublicLayout>
  );
}

/**
 * The whole article page as HTML, its texts rendered in the site's language; `media` holds the
 * items its shortcuts and illustrations point to (`loadArticleMedia`).
 */
export function renderArticlePage(ctx: PublicContext, article: Article, related: readonly Article[], media: ReadonlyMap<number, MediaItem>, forum?: VNode): string {
  const language = ctx.site.settings.language;
  const resolve = createDocumentResolver(media);
  return renderDocument(ArticlePage({
    ctx, article, related, forum, media,
    lead: renderArticleText(article.lead, language, resolve), body: renderArticleText(article.body, language, resolve),
  }));
}
