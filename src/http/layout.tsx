import type { ComponentChildren } from 'preact';
import type { SiteSnapshot } from '../site/site-snapshot.js';
import type { Translate } from '../i18n/translate.js';
import type { Assets } from './assets.js';
import { VISITOR_BAR_MARK } from './render.js';

/** What the head of a public page says about it (SEO, OpenGraph, Twitter card, feeds). */
export interface PageMeta {
  readonly title: string;
  readonly description?: string;
  /** Absolute canonical address. */
  readonly canonical: string;
  readonly type?: 'website' | 'article';
  readonly publishedAt?: string;
  /** Extra feeds announced besides the site's (e.g. the section's). */
  readonly feeds?: readonly { title: string; href: string; type: 'rss' | 'atom' }[];
  /** Keeps search engines away (error pages). */
  readonly noindex?: boolean;
  /** The page's image for OpenGraph and the Twitter card (an article's illustration), absolute. */
  readonly image?: { readonly url: string; readonly alt: string; readonly width: number; readonly height: number; readonly type: string };
}

export interface PublicContext {
  readonly site: SiteSnapshot;
  readonly t: Translate;
  readonly assets: Assets;
  readonly publicUrl: string;
}

/** The public page frame: skip link, header with the sections, main content, footer links. */
export function PublicLayout(props: { ctx: PublicContext; meta: PageMeta; children: ComponentChildren; currentSectionId?: number }) {
  const { ctx, meta } = props;
  const { settings } = ctx.site;
  const fullTitle = meta.title === settings.siteName ? meta.title : `${meta.title} — ${settings.siteName}`;
  const topSections = ctx.site.sections.filter((s) => s.parentId === null);
  return (
    <html lang={settings.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={meta.canonical} />}
        <meta property="og:site_name" content={settings.siteName} />
        <meta property="og:locale" content={settings.language === 'fr' ? 'fr_FR' : 'en_GB'} />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:url" content={meta.canonical} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        {meta.publishedAt ? <meta property="article:published_time" content={meta.publishedAt} /> : null}
        {meta.image ? (
          <>
            <meta property="og:image" content={meta.image.url} />
            <meta property="og:image:type" content={meta.image.type} />
            <meta property="og:image:width" content={String(meta.image.width)} />
            <meta property="og:image:height" content={String(meta.image.height)} />
            {meta.image.alt ? <meta property="og:image:alt" content={meta.image.alt} /> : null}
            <meta name="twitter:image" content={meta.image.url} />
            {meta.image.alt ? <meta name="twitter:image:alt" content={meta.image.alt} /> : null}
          </>
        ) : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        {meta.description ? <meta name="twitter:description" content={meta.description} /> : null}
        <link rel="alternate" type="application/rss+xml" title={`${settings.siteName} (RSS)`} href={`${ctx.publicUrl}/feed.xml`} />
        <link rel="alternate" type="application/atom+xml" title={`${settings.siteName} (Atom)`} href={`${ctx.publicUrl}/atom.xml`} />
        {(meta.feeds ?? []).map((f) => (
          <link rel="alternate" type={f.type === 'rss' ? 'application/rss+xml' : 'application/atom+xml'} title={f.title} href={f.href} />
        ))}
        <link rel="stylesheet" href={ctx.assets.url('site.css')} />
      </head>
      <body>
        <a class="skip-link" href="#contenu">{ctx.t('site.skip')}</a>
        <div dangerouslySetInnerHTML={{ __html: VISITOR_BAR_MARK }} class="visitor-slot" />
        <header class="site-header" role="banner">
          <div class="wrap">
            <p class="site-name"><a href="/">{settings.siteName}</a></p>
            {settings.tagline ? <p class="site-tagline">{settings.tagline}</p> : null}
          </div>
          <nav class="site-nav" aria-label={ctx.t('site.menu')}>
            <ul class="wrap">
              <li><a href="/">{ctx.t('site.home')}</a></li>
              {topSections.map((s) => (
                <li><a href={`/rubrique/${s.slug}`} aria-current={s.id === props.currentSectionId ? 'page' : undefined}>{s.title}</a></li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="contenu" class="wrap" tabIndex={-1}>{props.children}</main>
        <footer class="site-footer" role="contentinfo">
          <nav class="wrap" aria-label={ctx.t('site.footer')}>
            <ul>
              <li><a href="/page/accessibilite">{ctx.t('site.accessibility')}</a></li>
              <li><a href="/page/mentions-legales">{ctx.t('site.legal')}</a></li>
              <li><a href="/page/donnees-personnelles">{ctx.t('site.privacy')}</a></li>
              <li><a href="/feed.xml">{ctx.t('site.feed')}</a></li>
              <li><a href="/ecrire/">{ctx.t('site.backOffice')}</a></li>
            </ul>
            <p class="site-credit">{settings.siteName} · Relais</p>
          </nav>
        </footer>
      </body>
    </html>
  );
}
