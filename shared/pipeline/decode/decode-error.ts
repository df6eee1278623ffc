/**
 * A value that cannot be decoded. Thrown by the pure decoders, which know nothing about files;
 * the bcp reader catches it and rethrows an AsemigError with the file, line, table and column.
 */
export class DecodeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}
