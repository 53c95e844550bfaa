/**
 * Currency arithmetic on integer minor units (cents): exact, never through
 * floating point; one implementation for the server and the web app.
 */

const exponents = new Map<string, number>();

/** Digits after the decimal point for a currency (USD 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    try {
      exponent =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      exponent = 2;
    }
    if (exponents.size < 1000) exponents.set(currency, exponent);
  }
  return exponent;
}

/** Minor units as a plain decimal string (`450000`, `USD` → `4500.00`): exact, no floating point. */
export function minorToDecimal(cents: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = cents < 0;
  const digits = String(Math.abs(Math.trunc(cents))).padStart(exponent + 1, '0');
  const whole = exponent === 0 ? digits : digits.slice(0, -exponent);
  const fraction = exponent === 0 ? '' : `.${digits.slice(-exponent)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * `$4,500.00`: minor units in their currency, in `locale` (the server's messages
 * and documents say it in en-US; the web app passes the reader's locale).
 */
export function formatMoney(cents: number, currency: string, locale = 'en-US'): string {
  try {
    const key = `${locale} ${currency}`;
    let format = moneyFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      if (moneyFormats.size < 1000) moneyFormats.set(key, format);
    }
    return format.format(Number(minorToDecimal(cents, currency)));
  } catch {
    return `${minorToDecimal(cents, currency)} ${currency}`;
  }
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
