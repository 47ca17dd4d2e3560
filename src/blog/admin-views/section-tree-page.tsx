import { ActionButton } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import type { Section } from '../article.js';
import { SectionForm, type SectionFormState } from './section-form-page.js';

/** The whole section tree, article counts, and the creation form. */
export interface SectionTreePageProps {
  readonly ctx: AdminContext;
  readonly sections: readonly Section[];
  /** Articles filed directly in each section. */
  readonly counts: ReadonlyMap<number, number>;
  readonly canEdit: boolean;
  /** The creation form (editors only). */
  readonly form: SectionFormState;
  readonly notice?: string;
}

/** The sections as a nested list, with their actions, and the form to create one. */
export function SectionTreePage(props: SectionTreePageProps) {
  return (
    <AdminLayout ctx={props.ctx} title="Rubriques" current="/ecrire/rubriques" notice={props.notice}>
      {props.sections.length === 0 ? <p class="empty">Aucune rubrique pour l’instant.</p> : <Branch {...props} parentId={null} />}
      {props.canEdit ? (
        <section class="panel" aria-labelledby="nouvelle-rubrique">
          <h2 id="nouvelle-rubrique">Nouvelle rubrique</h2>
          <SectionForm {...props.form} ctx={props.ctx} action="/ecrire/rubriques/nouvelle" submitLabel="Créer la rubrique" />
        </section>
      ) : null}
    </AdminLayout>
  );
}

function Branch(props: SectionTreePageProps & { parentId: number | null }) {
  const siblings = props.sections.filter((s) => s.parentId === props.parentId);
  if (siblings.length === 0) return null;
  return (
    <ul class={props.parentId === null ? 'section-tree' : undefined}>
      {siblings.map((section, index) => {
        const count = props.counts.get(section.id) ?? 0;
        return (
          <li>
            <div class="section-row">
              <span class="section-title">{section.title}</span>
              <small>{count === 0 ? 'aucun article' : `${count} article${count > 1 ? 's' : ''}`}</small>
              <a href={`/rubrique/${section.slug}`}>voir<span class="visually-hidden"> « {section.title} »</span> sur le site</a>
              {props.canEdit ? (
                <span class="row-actions">
                  <a href={`/ecrire/rubriques/${section.id}`}>Modifier<span class="visually-hidden"> « {section.title} »</span></a>
                  {index > 0 ? <ActionButton ctx={props.ctx} action={`/ecrire/rubriques/${section.id}/monter`} label="↑" title={`Monter « ${section.title} »`} /> : null}
                  {index < siblings.length - 1 ? <ActionButton ctx={props.ctx} action={`/ecrire/rubriques/${section.id}/descendre`} label="↓" title={`Descendre « ${section.title} »`} /> : null}
                  <a href={`/ecrire/rubriques/${section.id}/supprimer`}>Supprimer<span class="visually-hidden"> « {section.title} »</span></a>
                </span>
              ) : null}
            </div>
            <Branch {...props} parentId={section.id} />
          </li>
        );
      })}
    </ul>
  );
}
