/**
 * The file store: scans of paper appeals, attachments. Bytes are kept in the database (table file_blob) by their
 * SHA-256, so every app node and every backup has them and nothing lives under a web root. The type of a file is
 * decided by its content, never by its name.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema.ts';

/** Limits of one upload: a scanned multi-page appeal fits; a video does not. Not legal numbers. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_REQUEST = 10;

/** The documents a case file takes, each recognised by its first bytes (magic numbers). */
const SIGNATURES: { type: string; magic: number[][] }[] = [
  { type: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] }, // %PDF-
  { type: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  { type: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  { type: 'image/tiff', magic: [[0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]] },
];

export function sniffMediaType(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.magic.some((m) => m.every((b, i) => bytes[i] === b)))?.type;
}

export async function putBlob(db: Kysely<Schema> | Transaction<Schema>, bytes: Buffer, mediaType: string): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.insertInto('file_blob').values({ sha256, media_type: mediaType, size: bytes.length, content: bytes }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
  return sha256;
}

export async function getBlob(db: Kysely<Schema>, sha256: string) {
  return db.selectFrom('file_blob').select(['content', 'media_type', 'size']).where('sha256', '=', sha256).executeTakeFirst();
}

/** A Content-Disposition that keeps any file name (Kazakh letters included) and cannot inject headers (RFC 6266). */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
