/**
 * The ISO 4217 codes this runtime knows (so their minor-unit digits are known too): the only
 * currencies a wallet or an organisation may be opened in, and the choices of the forms.
 */
export const CURRENCY_CODES: readonly string[] = Intl.supportedValuesOf("currency");
const KNOWN = new Set(CURRENCY_CODES);

export const isCurrencyCode = (code: string) => KNOWN.has(code);
