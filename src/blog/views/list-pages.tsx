import { PublicLayout, type PublicContext } from '../../http/layout.js';
import type { Article, Section } from '../article.js';
import { ArticleTeaser } from './article-teaser.js';
import { Pagination } from './pagination.js';
import type { MediaItem } from '../../media/media-item.js';
import { logoOf } from '../article-logo.js';

interface ListProps {
  readonly ctx: PublicContext;
  readonly articles: readonly Article[];
  readonly page: number;
  readonly pages: number;
  /** Published forum messages per article id (articles without any are absent). */
  readonly comments: ReadonlyMap<number, number>;
  /** The articles' illustrations, by media id. */
  readonly media: ReadonlyMap<number, MediaItem>;
}

/** The home page: the latest articles, paginated. */
export function HomePage(props: ListProps) {
  const { ctx } = props;
  const { settings } = ctx.site;
  const canonical = props.page > 1 ? `${ctx.publicUrl}/?page=${props.page}` : `${ctx.publicUrl}/`;
  return (
    <PublicLayout ctx={ctx} meta={{ title: settings.siteName, description: settings.tagline, canonical }}>
      <h1 class="page-title">{ctx.t('site.latest')}</h1>
      <ArticleList {...props} baseUrl="/" featured={props.page === 1} />
    </PublicLayout>
  );
}

/** A section (rubrique): its description, sub-sections and articles, paginated. */
export function SectionPage(props: ListProps & { section: Section }) {
  const { ctx, section } = props;
  const base = `/rubrique/${section.slug}`;
  const children = ctx.site.sections.filter((s) => s.parentId === section.id);
  const trail = ancestors(ctx.site.sections, section);
  return (
    <PublicLayout
      ctx={ctx}
      currentSectionId={trail[0]?.id ?? section.id}
      meta={{
        title: section.title,
        description: section.description || undefined,
        canonical: `${ctx.publicUrl}${base}${props.page > 1 ? `?page=${props.page}` : ''}`,
        feeds: [{ title: `${section.title} (RSS)`, href: `${ctx.publicUrl}${base}/feed.xml`, type: 'rss' }, { title: `${section.title} (Atom)`, href: `${ctx.publicUrl}${base}/atom.xml`, type: 'atom' }],
      }}
    >
      <Breadcrumb ctx={ctx} trail={trail} />
      <h1 class="page-title">{section.title}</h1>
      {section.description ? <p class="section-description">{section.description}</p> : null}
      {children.length > 0 ? (
        <ul class="subsections">{children.map((c) => <li><a href={`/rubrique/${c.slug}`}>{c.title}</a></li>)}</ul>
      ) : null}
      {/* The section's name on each teaser only helps when sub-sections mix in their articles. */}
      <ArticleList {...props} baseUrl={base} showSection={children.length > 0} />
      <p class="feed-link"><a href={`${base}/feed.xml`}>{ctx.t('site.feedOf')} « {section.title} »</a></p>
    </PublicLayout>
  );
}

/**
 * The teasers and the pagination; `featured` lets the theme give the newest article more room,
 * `showSection: false` drops each teaser's section name.
 */
function ArticleList(props: ListProps & { baseUrl: string; featured?: boolean; showSection?: boolean }) {
  if (props.articles.length === 0) return <p class="empty">{props.ctx.t('site.noArticles')}</p>;
  return (
    <>
      <div class={props.featured ? 'teasers teasers-featured' : 'teasers'}>{props.articles.map((a, i) => <ArticleTeaser ctx={props.ctx} article={a} headingLevel={2} showSection={props.showSection} comments={props.comments.get(a.id)} logo={logoOf(a, props.media)} eager={i === 0} />)}</div>
      <Pagination ctx={props.ctx} page={props.page} pages={props.pages} baseUrl={props.baseUrl} />
    </>
  );
}

/** Home › parent sections › current; the last item is the page itself. */
export function Breadcrumb(props: { ctx: PublicContext; trail: readonly Section[]; current?: string }) {
  const items = props.trail.map((s) => ({ label: s.title, href: `/rubrique/${s.slug}` }));
  return (
    <nav class="breadcrumb" aria-label={props.ctx.t('site.breadcrumb')}>
      <ol>
        <li><a href="/">{props.ctx.t('site.home')}</a></li>
        {items.map((item, i) => {
          const last = props.current === undefined && i === items.length - 1;
          return <li>{last ? <span aria-current="page">{item.label}</span> : <a href={item.href}>{item.label}</a>}</li>;
        })}
        {props.current !== undefined ? <li><span aria-current="page">{props.current}</span></li> : null}
      </ol>
    </nav>
  );
}

/** The section and its parents, outermost first. */
export function ancestors(sections: readonly Section[], section: Section): Section[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const trail: Section[] = [];
  for (let s: Section | undefined = section; s && !trail.includes(s); s = s.parentId === null ? undefined : byId.get(s.parentId)) {
    trail.unshift(s);
  }
  return trail;
}
