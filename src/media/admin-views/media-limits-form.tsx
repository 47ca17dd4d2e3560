import { CsrfField, NumberField } from '../../http/admin-kit.js';
import type { AdminContext } from '../../http/admin-layout.js';
import type { MediaLimits } from '../media-limits.js';

const MB = 1024 * 1024;

/** The size limits per kind, in whole megabytes (administrators only). */
export function MediaLimitsForm(props: { ctx: AdminContext; limits: MediaLimits; errors?: Readonly<Record<string, string>> }) {
  const errors = props.errors ?? {};
  return (
    <section aria-labelledby="limites">
      <h2 id="limites">Tailles maximales des fichiers</h2>
      <form method="post" action="/ecrire/media/limites" class="form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <NumberField name="imageMb" label="Image" unit="Mo" min={1} max={2048} value={String(Math.round(props.limits.imageBytes / MB))} error={errors.imageMb}
          hint="Une photo d’appareil dépasse rarement 15 Mo. Au-delà de la limite, l’envoi est interrompu." />
        <NumberField name="documentMb" label="Document" unit="Mo" min={1} max={2048} value={String(Math.round(props.limits.documentBytes / MB))} error={errors.documentMb} />
        <div class="actions"><button type="submit" class="button">Enregistrer les limites</button></div>
      </form>
    </section>
  );
}
