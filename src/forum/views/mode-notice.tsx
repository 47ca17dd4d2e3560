import type { ForumMode } from '../contribution.js';

const NOTICES: Readonly<Record<ForumMode, string>> = Object.freeze({
  pri: 'Forum modéré a priori : votre contribution n’apparaîtra qu’après avoir été validée par un administrateur du site.',
  pos: 'Forum modéré a posteriori : votre contribution apparaîtra aussitôt ; elle pourra être retirée si elle ne respecte pas les règles du site.',
  abo: 'Forum sur abonnement : il faut être connecté·e pour participer.',
  non: 'Le forum de cet article est fermé : on ne peut plus y écrire.',
});

/** The short notice stating how the forum is moderated. */
export function ModeNotice(props: { mode: ForumMode }) {
  return <p class="forum-mode">{NOTICES[props.mode]}</p>;
}
