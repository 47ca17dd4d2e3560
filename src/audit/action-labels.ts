/** French labels of the audit log's action keys; a key missing here is shown as it is. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = Object.freeze({
  'blog.article.created': 'Article créé',
  'blog.article.updated': 'Article modifié',
  'blog.article.draft': 'Repassé en brouillon',
  'blog.article.proposed': 'Proposé à la publication',
  'blog.article.published': 'Publié',
  'blog.article.archived': 'Archivé',
  'blog.article.deleted': 'Article supprimé',
  'blog.article.went_live': 'Publication programmée effectuée',
  'blog.section.created': 'Rubrique créée',
  'blog.section.updated': 'Rubrique modifiée',
  'blog.section.moved': 'Rubrique déplacée dans l’ordre',
  'blog.section.deleted': 'Rubrique supprimée',
  'accounts.user.created': 'Compte créé',
  'accounts.user.password_changed': 'Mot de passe changé',
  'accounts.user.role_changed': 'Rôle changé',
  'accounts.user.disabled': 'Compte désactivé',
  'accounts.user.enabled': 'Compte réactivé',
  'accounts.visitor.invited': 'Visiteur·euse invité·e',
  'site.settings.updated': 'Réglages du site modifiés',
  'forum.contribution.approve': 'Message du forum publié',
  'forum.contribution.reject': 'Message du forum refusé',
  'forum.contribution.spam': 'Message du forum classé comme spam',
  'forum.contribution.unpublish': 'Message du forum dépublié (de nouveau à valider)',
  'forum.contribution.answered': 'Réponse de l’organisation publiée',
  'forum.contribution.edited': 'Message du forum modifié',
  'forum.mode.changed': 'Mode du forum de l’article changé',
  'forum.limits.updated': 'Limites anti-abus du forum modifiées',
  'forum.privacy.exported': 'Données d’une adresse exportées (RGPD)',
  'forum.privacy.erased': 'Données d’une adresse effacées (RGPD)',
  'forum.privacy.removed': 'Message retiré à la demande de son auteur',
  'veille.source.added': 'Source de veille ajoutée',
  'veille.source.paused': 'Source de veille mise en pause',
  'veille.source.enabled': 'Source de veille réactivée',
  'veille.source.deleted': 'Source de veille supprimée (avec ses éléments)',
  'veille.sources.imported': 'Sources de veille importées (OPML)',
  'media.item.added': 'Média ajouté à la médiathèque',
  'media.item.updated': 'Textes d’un média modifiés',
  'media.item.replaced': 'Fichier d’un média remplacé',
  'media.item.deleted': 'Média supprimé',
  'import.spip.done': 'Site SPIP importé (relais import spip)',
});

/** French names of the kinds of object the log mentions. */
const OBJECT_LABELS: Readonly<Record<string, string>> = Object.freeze({
  article: 'Article', section: 'Rubrique', user: 'Compte', forum_contribution: 'Message du forum',
  email: 'Adresse électronique d’empreinte', veille_source: 'Source de veille', media: 'Média',
});

/** "Article n° 12"; the site settings and an OPML import have no number; an unknown kind shows its raw name. */
export function auditObjectLabel(objectType: string, objectId: string): string {
  if (objectType === 'settings') return objectId === 'forum' ? 'Réglages du forum' : 'Réglages du site';
  if (objectType === 'opml') return 'Import OPML';
  if (objectType === 'spip') return `Base SPIP ${objectId}`;
  return `${Object.hasOwn(OBJECT_LABELS, objectType) ? OBJECT_LABELS[objectType] : objectType} n° ${objectId}`;
}

/**
 * The label of an action key, or the key itself when it has none yet.
 *
 * @example
 * auditActionLabel('blog.article.created') // "Article créé"
 * auditActionLabel('relay.post.sent') // "relay.post.sent"
 */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action]! : action;
}
