/** The back-office address of a watch's alert settings. */
export const alertSettingsPath = (watchId: number): string => `/ecrire/veille/veilles/${watchId}/alertes`;

/** The inbox of one watch, where its matches are triaged. */
export const watchInboxPath = (watchId: number): string => `/ecrire/veille/boite?veille=${watchId}`;
