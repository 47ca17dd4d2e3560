// The SPIP import's tables (migration 012), part of `Database` in schema.ts.

/** The SPIP import's key map (migration 012): SPIP `article` 12 became Relais row `relais_id`. */
export interface SpipImportKeysTable {
  /** `rubrique`, `article`, `forum`, `auteur`, `document`. */
  spip_type: string;
  spip_id: number;
  relais_id: number;
  imported_at: string;
}

/** An old SPIP address (normalised, e.g. `article12`, `IMG/pdf/cr.pdf`, `Fete-du-village`) and where it now leads. */
export interface SpipRedirectsTable {
  old_address: string;
  /** `article`, `section`, `media` (resolved to the current address at each request) or `url` (`target_url`). */
  target_type: string;
  target_id: number | null;
  target_url: string | null;
}
