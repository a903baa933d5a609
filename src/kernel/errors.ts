/** The closed list of error codes the API answers with; each maps to one HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  SECOND_FACTOR_REQUIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  INVALID_STATE: 409,
  OVER_CAPACITY: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  OUT_OF_SCOPE: 422,
  INCONSISTENT_INPUT: 422,
  LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field path (dot-joined) → French message. */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** French, shown to the user as is. */
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'Élément introuvable.') => new AppError('NOT_FOUND', what);
export const forbidden = (why = 'Action non autorisée.') => new AppError('FORBIDDEN', why);
export const invalid = (fields: FieldErrors, message = 'Certains champs sont invalides.') =>
  new AppError('VALIDATION_FAILED', message, fields);
export const versionConflict = () =>
  new AppError(
    'VERSION_CONFLICT',
    "Ce dossier a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert. Rechargez-le pour voir ses changements, puis refaites les vôtres.",
  );
