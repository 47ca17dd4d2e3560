import { AppError } from '../errors.js';

/** A forum action that the current state does not allow (closed forum, impossible status change). */
export class ForumConflictError extends AppError {
  override readonly name = 'ForumConflictError';
  constructor(code: 'forum_closed' | 'forum_transition') {
    super(code, 409, code === 'forum_closed' ? 'forum fermé' : 'changement de statut impossible');
  }
}
