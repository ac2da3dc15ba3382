/** CSV text for the CLI: the shared decoder (src/core/import/decodeText.ts), its refusals as usage errors. */
import { decodeCsv as decode, DecodedText, TextEncodingError } from "../../core/import/decodeText";
import { CliError, EXIT } from "../exitCodes";

export type { CsvEncoding, DecodedText } from "../../core/import/decodeText";

export function decodeCsv(bytes: Uint8Array, name: string): DecodedText {
  try {
    return decode(bytes, name);
  } catch (error) {
    if (error instanceof TextEncodingError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}
