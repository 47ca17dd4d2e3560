import type { Role } from '../db/schema.js';

export type { Role };

/** Every role; `visitor` is for the public site only (forums *sur abonnement*). */
export const ROLES: readonly Role[] = ['admin', 'editor', 'moderator', 'reader', 'visitor'];

/** French names of the roles, as the back office shows them. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: 'Administrateur·rice',
  editor: 'Rédacteur·rice',
  moderator: 'Modérateur·rice',
  reader: 'Lecteur·rice (direction, élu·e)',
  visitor: 'Visiteur·euse (forums sur abonnement, pas d’espace de rédaction)',
};

/** A back-office account (never carries its password hash). */
export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly lastLoginAt: string | null;
}

/** E-mail addresses compare without case or surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A plausible e-mail address (one @, a dot in the domain, no spaces): the mail itself proves the rest. */
export function isEmailAddress(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254;
}

/** Whether a submitted string names a role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
