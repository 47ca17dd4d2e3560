import { createHmac, timingSafeEqual } from 'node:crypto';
import { normalizeEmail } from '../../accounts/user.js';
import { deriveKey } from '../../secrets/secret-key.js';

/** What a link in a forum e-mail lets its holder do: stop the e-mails, or remove the message. */
export type MailLinkPurpose = 'desabonner' | 'retirer';

/** A contribution and the address its e-mails go to: the link is only good for both together. */
export interface MailLinkSubject {
  readonly contributionId: number;
  readonly email: string;
}

function signature(key: Buffer, purpose: MailLinkPurpose, subject: MailLinkSubject): Buffer {
  return createHmac('sha256', key).update(`${purpose}\n${subject.contributionId}\n${normalizeEmail(subject.email)}`).digest();
}

/**
 * Signs and checks the links of forum e-mails (HMAC-SHA256 with `deriveKey(secretKey,
 * 'forum-mail-links')`). A signature binds purpose, contribution and address: once the address
 * is erased or changed, the old links stop working. They do not expire: an unsubscribe link
 * must work whenever the mail is read.
 *
 * @example
 * const links = createMailLinks(key, 'https://www.ville.fr');
 * links.url('desabonner', { contributionId: 12, email: 'a@b.fr' }) // "https://www.ville.fr/forum/desabonner?m=12&s=…"
 * links.verify('desabonner', { contributionId: 12, email: 'a@b.fr' }, s) // true
 */
export function createMailLinks(key: Buffer, publicUrl: string) {
  return Object.freeze({
    /** The absolute address of the page behind the link. */
    url(purpose: MailLinkPurpose, subject: MailLinkSubject): string {
      return `${publicUrl}/forum/${purpose}?m=${subject.contributionId}&s=${signature(key, purpose, subject).toString('base64url')}`;
    },
    /** Whether `given` is the signature of this purpose, contribution and address. */
    verify(purpose: MailLinkPurpose, subject: MailLinkSubject, given: string | undefined): boolean {
      if (typeof given !== 'string' || !/^[\w-]{43}$/.test(given)) return false;
      return timingSafeEqual(Buffer.from(given, 'base64url'), signature(key, purpose, subject));
    },
  });
}

/** The signer and checker of one installation's forum mail links. */
export type MailLinks = ReturnType<typeof createMailLinks>;

/** The links of this installation's forum e-mails, keyed from its secret key. */
export function forumMailLinks(secretKey: string, publicUrl: string): MailLinks {
  return createMailLinks(deriveKey(secretKey, 'forum-mail-links'), publicUrl);
}
