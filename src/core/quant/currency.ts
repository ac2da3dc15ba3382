/** The workbook's currency: an ISO 4217 code that every money number format shows. */

export const DEFAULT_CURRENCY = "USD";

/** Active ISO 4217 alphabetic codes (facts; the list the Check rule accepts). */
export const ISO_4217_CODES: ReadonlySet<string> = new Set(
  (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY " +
    "COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR " +
    "IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR " +
    "MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD " +
    "SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF " +
    "XPF YER ZAR ZMW ZWG"
  ).split(" "),
);

/** "usd " → "USD"; undefined when the text is not an ISO 4217 code. */
export function currencyCode(text: unknown): string | undefined {
  const code = typeof text === "string" ? text.trim().toUpperCase() : "";
  return ISO_4217_CODES.has(code) ? code : undefined;
}

/** The ISO 4217 code of a currency setting, or the default currency when it is none (or not given). */
export const currencyCodeOr = (currency: unknown): string => currencyCode(currency) ?? DEFAULT_CURRENCY;

/**
 * Whole units with thousands separators behind the code ("USD 1,250,000"): a quoted prefix reads
 * the same in every Excel locale and in LibreOffice, unlike a currency symbol format.
 */
export function moneyFormat(currency: string = DEFAULT_CURRENCY): string {
  const code = currencyCodeOr(currency);
  return `"${code} "#,##0;-"${code} "#,##0`;
}
