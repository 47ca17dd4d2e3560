import type { ComponentChildren } from 'preact';
import { can, type Permission } from '../accounts/policy.js';
import { ROLE_LABELS, type User } from '../accounts/user.js';
import type { Assets } from './assets.js';

/** What every back-office page needs: the signed-in user, the form token and the assets. */
export interface AdminContext {
  readonly user: User;
  readonly csrfToken: string;
  readonly assets: Assets;
  readonly siteName: string;
}

interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly permission: Permission;
}

/** Back-office menu; an entry shows only to roles that may use it. Features add theirs here. */
const NAV: readonly NavItem[] = [
  { href: '/ecrire/', label: 'Tableau de bord', permission: 'backoffice.view' },
  { href: '/ecrire/articles', label: 'Articles', permission: 'backoffice.view' },
  { href: '/ecrire/rubriques', label: 'Rubriques', permission: 'backoffice.view' },
  { href: '/ecrire/pages', label: 'Pages du pied de page', permission: 'backoffice.view' },
  { href: '/ecrire/media', label: 'Médiathèque', permission: 'media.view' },
  { href: '/ecrire/forum', label: 'Forum', permission: 'forum.moderate' },
  { href: '/ecrire/veille/sources', label: 'Veille', permission: 'veille.sources.view' },
  { href: '/ecrire/relais', label: 'Réseaux sociaux', permission: 'relay.view' },
  { href: '/ecrire/utilisateurs', label: 'Utilisateurs', permission: 'accounts.user.manage' },
  { href: '/ecrire/journal', label: 'Journal', permission: 'audit.view' },
  { href: '/ecrire/reglages', label: 'Réglages', permission: 'site.settings.edit' },
  { href: '/ecrire/aide', label: 'Aide', permission: 'backoffice.view' },
];

/** The back-office frame: menu by role, who is signed in, a logout form, the page title and content. */
export function AdminLayout(props: { ctx: AdminContext; title: string; current: string; children: ComponentChildren; notice?: string }) {
  const { ctx } = props;
  return (
    <html lang="fr">
      <AdminHead title={`${props.title} — Espace de rédaction — ${ctx.siteName}`} assets={ctx.assets} />
      <body class="admin">
        <a class="skip-link" href="#contenu">Aller au contenu</a>
        <header class="admin-header" role="banner">
          <p class="admin-brand"><a href="/ecrire/">Relais</a> <span>· {ctx.siteName}</span></p>
          <nav aria-label="Menu de l'espace de rédaction">
            <ul>
              {NAV.filter((item) => can(ctx.user, item.permission)).map((item) => (
                <li><a href={item.href} aria-current={item.href === props.current ? 'page' : undefined}>{item.label}</a></li>
              ))}
              <li><a href="/">Voir le site</a></li>
            </ul>
          </nav>
          <div class="admin-user">
            <span>{ctx.user.name} <small>({ROLE_LABELS[ctx.user.role]})</small></span>
            <form method="post" action="/ecrire/logout">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <button type="submit" class="link-button">Se déconnecter</button>
            </form>
          </div>
        </header>
        <main id="contenu" class="admin-main" tabIndex={-1}>
          <h1>{props.title}</h1>
          {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A page outside the signed-in frame (login, password reset). */
export function AdminBareLayout(props: { assets: Assets; siteName: string; title: string; children: ComponentChildren }) {
  return (
    <html lang="fr">
      <AdminHead title={`${props.title} — ${props.siteName}`} assets={props.assets} />
      <body class="admin admin-bare">
        <main id="contenu" class="login-box">
          <p class="admin-brand"><a href="/">{props.siteName}</a></p>
          <h1>{props.title}</h1>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** The head of every back-office page: never indexed, the back-office stylesheet. */
function AdminHead(props: { title: string; assets: Assets }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{props.title}</title>
      <link rel="stylesheet" href={props.assets.url('admin.css')} />
    </head>
  );
}
