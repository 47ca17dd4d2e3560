import { open } from 'node:fs/promises';

/** The end-of-central-directory record is at most this far from the end (22 bytes + a 65,535-byte comment). */
const EOCD_SEARCH = 22 + 0xffff;
/** A central directory larger than this is not an office document we take. */
const MAX_DIRECTORY = 4 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

/**
 * The file names listed in a ZIP archive's central directory (APPNOTE.TXT §4.3.16 and §4.3.12),
 * read from the end of the file without inflating anything; `[]` when it is not a readable ZIP.
 */
export async function readZipEntryNames(path: string): Promise<string[]> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailSize = Math.min(size, EOCD_SEARCH);
    const tail = Buffer.alloc(tailSize);
    await file.read(tail, 0, tailSize, size - tailSize);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) return [];
    const entries = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directorySize > MAX_DIRECTORY || directoryOffset + directorySize > size) return [];
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    const names: string[] = [];
    let at = 0;
    for (let i = 0; i < Math.min(entries, MAX_ENTRIES) && at + 46 <= directory.length; i++) {
      if (directory.readUInt32LE(at) !== 0x02014b50) break;
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      names.push(directory.toString('utf8', at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } finally {
    await file.close();
  }
}
