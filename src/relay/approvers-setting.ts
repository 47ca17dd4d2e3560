import type { Role } from '../accounts/user.js';
import type { Executor } from '../db/database.js';
import { readSetting, writeSetting } from '../site/settings-store.js';

/** Who may approve a post for publication: a setting of the site. */
export type Approvers = 'admins' | 'admins-editors';

/** French labels of the choices, for the settings form. */
export const APPROVERS_LABELS: Readonly<Record<Approvers, string>> = Object.freeze({
  admins: 'Les administrateurs seulement',
  'admins-editors': 'Les administrateurs et les rédacteurs',
});

const KEY = 'relay.approvers';

/** The setting as saved; administrators only until someone changes it. */
export async function readApprovers(db: Executor): Promise<Approvers> {
  return (await readSetting(db, KEY)) === 'admins-editors' ? 'admins-editors' : 'admins';
}

/** Saves who may approve. */
export async function writeApprovers(db: Executor, approvers: Approvers): Promise<void> {
  await writeSetting(db, KEY, approvers);
}

/** Whether a role may approve under the setting (administrators always may). */
export function mayApprove(role: Role, approvers: Approvers): boolean {
  return role === 'admin' || (approvers === 'admins-editors' && role === 'editor');
}
