// Types for zip.mjs (plain ESM), for the TypeScript that imports it.
export interface ZipFile {
  name: string;
  data: Buffer;
}
export declare function crc32(buf: Uint8Array): number;
export declare function writeZip(files: ZipFile[], mtime: Date): Buffer;
export declare function readZip(buf: Buffer): ZipFile[];
