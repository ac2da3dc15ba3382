/**
 * Limits checked on a package's zip central directory before anything is inflated, so a zip bomb
 * (a few KB that inflate to gigabytes) is refused instead of exhausting memory. The limits are far
 * above any real workbook: Excel's own row and column limits give sheets of a few hundred MB at most.
 */
export const PACKAGE_LIMITS = {
  /** Sum of the parts' uncompressed sizes. */
  maxTotalBytes: 1024 * 1024 * 1024,
  /** One part's uncompressed size. */
  maxPartBytes: 512 * 1024 * 1024,
  /** Uncompressed ÷ compressed for a part over 1 MB uncompressed; XML rarely compresses past 100:1. */
  maxRatio: 500,
  maxParts: 100_000,
} as const;

/** A package the file layer will not open, with a message that names the reason. */
export class PackageRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageRefusedError";
  }
}

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const MB = 1024 * 1024;
const formatMb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

/** The entries of the zip's central directory (no inflating); refuses what is not a zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = () => new PackageRefusedError("it is not a zip package (an .xlsx is a zip of XML parts); it may be damaged or in another format such as .xls or .csv");
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) throw notZip();
  // End of central directory: 22 bytes plus a comment of up to 64 KB, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new PackageRefusedError("its zip directory is missing (the file is truncated or damaged)");
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset === 0xffffffff || count === 0xffff) {
    // Zip64: the real values are in the zip64 end of central directory record.
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw new PackageRefusedError("its zip64 directory is damaged");
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== 0x06064b50) throw new PackageRefusedError("its zip64 directory is damaged");
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw new PackageRefusedError("its zip directory is damaged");
    let compressedSize = view.getUint32(offset + 20, true);
    let uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      const sizes = zip64Sizes(view, offset + 46 + nameLength, extraLength, uncompressedSize === 0xffffffff, compressedSize === 0xffffffff);
      uncompressedSize = sizes.uncompressed ?? uncompressedSize;
      compressedSize = sizes.compressed ?? compressedSize;
    }
    entries.push({ name, compressedSize, uncompressedSize });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zip64Sizes(view: DataView, start: number, length: number, hasUncompressed: boolean, hasCompressed: boolean) {
  for (let p = start; p + 4 <= start + length; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const uncompressed = hasUncompressed ? Number(view.getBigUint64(q, true)) : undefined;
      if (hasUncompressed) q += 8;
      const compressed = hasCompressed ? Number(view.getBigUint64(q, true)) : undefined;
      return { uncompressed, compressed };
    }
    p += 4 + size;
  }
  return { uncompressed: undefined, compressed: undefined };
}

/** Refuses a package whose directory promises more than the limits, before any part is inflated. */
export function assertWithinLimits(bytes: Uint8Array, limits = PACKAGE_LIMITS): ZipEntry[] {
  const entries = zipEntries(bytes);
  if (entries.length > limits.maxParts) throw new PackageRefusedError(`it has ${entries.length} zip entries; the limit is ${limits.maxParts}`);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > limits.maxPartBytes) {
      throw new PackageRefusedError(`its part ${entry.name} would inflate to ${formatMb(entry.uncompressedSize)}; the limit for one part is ${formatMb(limits.maxPartBytes)} (a zip bomb?)`);
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > MB && ratio > limits.maxRatio) {
      throw new PackageRefusedError(`its part ${entry.name} would inflate ${Math.round(ratio)} times (${formatMb(entry.uncompressedSize)}); the limit is ${limits.maxRatio} times (a zip bomb?)`);
    }
  }
  if (total > limits.maxTotalBytes) {
    throw new PackageRefusedError(`its parts would inflate to ${formatMb(total)}; the limit is ${formatMb(limits.maxTotalBytes)} (a zip bomb?)`);
  }
  return entries;
}
