/**
 * Recognises secrets pasted into run options. Options carry app-setting *names*
 * (`stagingConnectionSetting: "ASEMIG_STAGING"`); a value that looks like a key, password, SAS
 * or connection string with credentials is refused so it never reaches orchestration input,
 * history, custom status, blobs or reports (architecture.md §8).
 */

const SECRET_PATTERNS: readonly RegExp[] = [
  /(^|;)\s*(AccountKey|SharedAccessKey|SharedAccessSignature)\s*=/i,
  /(^|[;?&\s])(password|pwd|passwd|clientsecret|client_secret)\s*=/i,
  /[?&]sig=/i,
  /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^@\s/]+@/i,
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/,
];

/** Field names whose value is a secret whatever it looks like. */
const SECRET_FIELD = /(password|passwd|secret|accountkey|token|credential|sas|apikey)/i;

export function looksLikeSecret(value: string): boolean {
  return SECRET_PATTERNS.some((p) => p.test(value));
}

export function isSecretFieldName(name: string): boolean {
  return SECRET_FIELD.test(name.replace(/[_-]/g, ''));
}
