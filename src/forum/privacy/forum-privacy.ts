import { createHmac } from 'node:crypto';
import { addAuditEntry } from '../../audit/store.js';
import type { Db } from '../../db/database.js';
import { normalizeEmail } from '../../accounts/user.js';
import { deriveKey } from '../../secrets/secret-key.js';
import { bumpSiteVersion } from '../../site/site-version.js';
import type { ContributionStatus } from '../contribution.js';
import { deleteContributions, listContributionsByAddress } from './store.js';
import { findContribution } from '../store.js';

/** The statuses as a person reading their export understands them. */
const STATUS_WORDS: Readonly<Record<ContributionStatus, string>> = Object.freeze({
  proposed: 'en attente de validation', published: 'publié', rejected: 'refusé', spam: 'classé comme spam',
});

/** What a moderator downloads for one address (RGPD, right of access): every message, whatever its status. */
export interface AddressExport {
  readonly adresse: string;
  readonly exporte_le: string;
  readonly messages: readonly {
    readonly id: number;
    readonly article: string;
    readonly adresse_article: string;
    readonly statut: string;
    readonly envoye_le: string;
    readonly modere_le: string | null;
    readonly nom: string;
    readonly texte: string;
    readonly en_reponse_au_message: number | null;
    readonly adresse_ip: string | null;
    readonly prevenir_des_reponses: boolean;
  }[];
}

/** What the RGPD tools work with. */
export interface ForumPrivacyDeps {
  readonly db: Db;
  readonly now: () => Date;
  readonly publicUrl: string;
  /** `deriveKey(secretKey, 'forum-privacy-audit')`: the journal names an erased address only by a keyed fingerprint. */
  readonly auditKey: Buffer;
}

/**
 * The forum's RGPD tools: export and erasure of everything tied to an e-mail address
 * (moderators), and removal of one message at its author's request (signed link).
 *
 * Erasure deletes the messages outright — text, name, address, IP — rather than signing them
 * "Anonyme": a message's text often says who wrote it, so only deletion honours article 17.
 * Answers from other people stay online, no longer attached to the deleted message.
 */
export function createForumPrivacy({ db, now, publicUrl, auditKey }: ForumPrivacyDeps) {
  const fingerprint = (email: string) => createHmac('sha256', auditKey).update(normalizeEmail(email)).digest('hex').slice(0, 12);

  return Object.freeze({
    /** Every message sent with `email`, as JSON-ready data; the journal records who exported (never the address). */
    async exportByAddress(actor: { readonly userId: number | null }, email: string): Promise<AddressExport> {
      const rows = await listContributionsByAddress(db.kysely, email);
      await addAuditEntry(db.kysely, {
        userId: actor.userId, action: 'forum.privacy.exported', objectType: 'email', objectId: fingerprint(email),
        summary: `Export RGPD : ${rows.length} message${rows.length > 1 ? 's' : ''} (adresse d’empreinte ${fingerprint(email)})`,
      }, now());
      return {
        adresse: normalizeEmail(email),
        exporte_le: now().toISOString(),
        messages: rows.map((c) => ({
          id: c.id, article: c.articleTitle, adresse_article: `${publicUrl}/article/${c.articleSlug}`, statut: STATUS_WORDS[c.status],
          envoye_le: c.createdAt, modere_le: c.moderatedAt, nom: c.authorName, texte: c.body, en_reponse_au_message: c.parentId,
          adresse_ip: c.ip, prevenir_des_reponses: c.notifyReplies,
        })),
      };
    },

    /** How many messages an erasure of `email` would delete (the confirmation step). */
    async countByAddress(email: string): Promise<number> {
      return (await listContributionsByAddress(db.kysely, email)).length;
    },

    /** Deletes every message sent with `email`; the journal keeps the count and a fingerprint, never the address. */
    async eraseByAddress(actor: { readonly userId: number | null }, email: string): Promise<number> {
      return db.kysely.transaction().execute(async (trx) => {
        const rows = await listContributionsByAddress(trx, email);
        if (rows.length === 0) return 0;
        await deleteContributions(trx, rows.map((c) => c.id));
        if (rows.some((c) => c.status === 'published')) await bumpSiteVersion(trx);
        await addAuditEntry(trx, {
          userId: actor.userId, action: 'forum.privacy.erased', objectType: 'email', objectId: fingerprint(email),
          summary: `Effacement RGPD : ${rows.length} message${rows.length > 1 ? 's' : ''} supprimé${rows.length > 1 ? 's' : ''} (adresse d’empreinte ${fingerprint(email)})`,
        }, now());
        return rows.length;
      });
    },

    /** Deletes one message at its author's request (the caller checked the signed link); false when it was already gone. */
    async removeAtAuthorsRequest(id: number): Promise<boolean> {
      return db.kysely.transaction().execute(async (trx) => {
        const c = await findContribution(trx, id);
        if (!c) return false;
        await deleteContributions(trx, [id]);
        if (c.status === 'published') await bumpSiteVersion(trx);
        await addAuditEntry(trx, {
          userId: null, action: 'forum.privacy.removed', objectType: 'forum_contribution', objectId: id,
          summary: 'Message retiré à la demande de son auteur (lien signé reçu par courriel)',
        }, now());
        return true;
      });
    },
  });
}

/** The forum's RGPD tools, as routes use them. */
export type ForumPrivacy = ReturnType<typeof createForumPrivacy>;

/** This installation's RGPD tools (the audit fingerprint keyed from its secret key). */
export function forumPrivacyOf(relais: { readonly db: Db; readonly now: () => Date; readonly secretKey: string; readonly config: { readonly publicUrl: string } }): ForumPrivacy {
  return createForumPrivacy({ db: relais.db, now: relais.now, publicUrl: relais.config.publicUrl, auditKey: deriveKey(relais.secretKey, 'forum-privacy-audit') });
}
