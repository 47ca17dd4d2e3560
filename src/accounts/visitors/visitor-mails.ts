import type { MailMessage } from '../../mail/mailer.js';
import type { VisitorLink } from './visitor-service.js';

/** The page a visitor link leads to, where the password is chosen. */
export function activationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/compte/activer?jeton=${token}`;
}

/** The invitation an administrator sends: a week to choose a password. */
export function invitationMail(siteName: string, publicUrl: string, link: VisitorLink): MailMessage {
  return {
    to: link.email,
    subject: `${siteName} : invitation à participer aux forums`,
    text: `Bonjour ${link.name},\n\nVous êtes invité·e à ouvrir un compte sur le site « ${siteName} » pour écrire dans ses forums réservés aux personnes inscrites.\n\n` +
      `Pour choisir votre mot de passe et activer le compte, ouvrez ce lien (valable 7 jours, une seule fois) :\n${activationUrl(publicUrl, link.token)}\n\n` +
      `Si vous ne souhaitez pas de compte, ignorez ce message : rien ne sera créé.\n`,
  };
}

/** The confirmation of a self-registration: a day to follow it. */
export function signUpMail(siteName: string, publicUrl: string, link: VisitorLink): MailMessage {
  return {
    to: link.email,
    subject: `${siteName} : confirmez la création de votre compte`,
    text: `Bonjour ${link.name},\n\nPour confirmer votre adresse et choisir votre mot de passe, ouvrez ce lien (valable 24 heures, une seule fois) :\n` +
      `${activationUrl(publicUrl, link.token)}\n\nSi vous n'avez rien demandé, ignorez ce message : aucun compte ne sera créé.\n`,
  };
}

/** Sent instead when the address already has an account: the sign-up page never says so. */
export function alreadyRegisteredMail(siteName: string, publicUrl: string, user: { email: string; name: string }): MailMessage {
  return {
    to: user.email,
    subject: `${siteName} : vous avez déjà un compte`,
    text: `Bonjour ${user.name},\n\nQuelqu'un (sans doute vous) a demandé à créer un compte avec cette adresse, qui en a déjà un.\n` +
      `Pour vous connecter : ${publicUrl}/connexion\nMot de passe oublié : ${publicUrl}/ecrire/mot-de-passe-oublie\n\n` +
      `Si vous n'avez rien demandé, ignorez ce message.\n`,
  };
}
