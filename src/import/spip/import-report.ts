/** The kinds of things the import counts. */
export type ImportKind = 'rubriques' | 'articles' | 'forum' | 'auteurs' | 'documents' | 'logos' | 'redirections';

const KIND_LABELS: Readonly<Record<ImportKind, string>> = Object.freeze({
  rubriques: 'Rubriques', articles: 'Articles', forum: 'Messages de forum', auteurs: 'Auteurs',
  documents: 'Documents et images', logos: 'Logos', redirections: 'Anciennes adresses redirigées',
});

/** Per kind: made new, brought up to date (already imported), left out. */
export interface KindCount {
  created: number;
  updated: number;
  skipped: number;
}

/** Something left out, and why (a table, or an object with its SPIP id). */
export interface SkippedEntry {
  readonly what: string;
  readonly reason: string;
}

/** Something to look at, with the SPIP object it is about. */
export interface ImportWarning {
  readonly spipType: string;
  readonly spipId: number | null;
  readonly message: string;
}

/** What an import did (or, on a dry run, would do). */
export interface ImportReport {
  readonly dryRun: boolean;
  readonly counts: Record<ImportKind, KindCount>;
  readonly skipped: SkippedEntry[];
  readonly warnings: ImportWarning[];
}

/** An empty report to fill in. */
export function createImportReport(dryRun: boolean): ImportReport {
  const counts = Object.fromEntries(Object.keys(KIND_LABELS).map((k) => [k, { created: 0, updated: 0, skipped: 0 }])) as Record<ImportKind, KindCount>;
  return { dryRun, counts, skipped: [], warnings: [] };
}

/** Records an object left out: counted under its kind, listed with its reason. */
export function skip(report: ImportReport, kind: ImportKind, what: string, reason: string): void {
  report.counts[kind].skipped += 1;
  report.skipped.push({ what, reason });
}

/** Records a warning about a SPIP object. */
export function warn(report: ImportReport, spipType: string, spipId: number | null, message: string): void {
  report.warnings.push({ spipType, spipId, message });
}

/** The report as the terminal shows it, in French. */
export function formatImportReport(report: ImportReport): string {
  const lines = [report.dryRun ? 'Simulation (--dry-run) : rien n’a été modifié. Voici ce que l’import ferait.' : 'Import terminé.', ''];
  const verb = report.dryRun ? ['à créer', 'à mettre à jour', 'écartés'] : ['créés', 'mis à jour', 'écartés'];
  for (const [kind, label] of Object.entries(KIND_LABELS) as [ImportKind, string][]) {
    const c = report.counts[kind];
    lines.push(`${label.padEnd(30)} ${String(c.created).padStart(6)} ${verb[0]}, ${c.updated} ${verb[1]}, ${c.skipped} ${verb[2]}`);
  }
  if (report.skipped.length > 0) {
    lines.push('', 'Non importé :');
    for (const s of report.skipped) lines.push(`  - ${s.what} : ${s.reason}`);
  }
  if (report.warnings.length > 0) {
    lines.push('', 'Avertissements :');
    for (const w of report.warnings) lines.push(`  - ${w.spipType}${w.spipId === null ? '' : ` ${w.spipId}`} : ${w.message}`);
  }
  return `${lines.join('\n')}\n`;
}
