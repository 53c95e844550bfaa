import { describe, expect, it } from 'vitest';
import { currencyExponent, formatMoney, minorToDecimal } from '../../shared/currency';

describe('currencyExponent', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['CLP', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['TND', 3],
  ])('%s has %i decimals', (currency, digits) => {
    expect(currencyExponent(currency)).toBe(digits);
  });

  it('falls back to 2 for a code Intl does not accept', () => {
    expect(currencyExponent('US')).toBe(2);
    expect(currencyExponent('')).toBe(2);
  });
});

describe('minorToDecimal', () => {
  it.each([
    [450_000, 'USD', '4500.00'],
    [450_050, 'USD', '4500.50'],
    [1, 'USD', '0.01'],
    [10, 'USD', '0.10'],
    [99, 'USD', '0.99'],
    [100, 'USD', '1.00'],
    [0, 'USD', '0.00'],
    [-1, 'USD', '-0.01'],
    [-99, 'USD', '-0.99'],
    [-450_050, 'USD', '-4500.50'],
    [1200, 'JPY', '1200'],
    [0, 'JPY', '0'],
    [1, 'JPY', '1'],
    [-5, 'JPY', '-5'],
    [1, 'KWD', '0.001'],
    [1234, 'KWD', '1.234'],
    [1_000_000, 'KWD', '1000.000'],
    [-12, 'KWD', '-0.012'],
    [0, 'KWD', '0.000'],
  ])('%i minor units of %s are %s', (cents, currency, expected) => {
    expect(minorToDecimal(cents, currency)).toBe(expected);
  });

  it('stays exact where floating point would not', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in minor units it is 10 + 20.
    expect(minorToDecimal(10 + 20, 'USD')).toBe('0.30');
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 'USD')).toBe('90071992547409.91');
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 'JPY')).toBe('9007199254740991');
    expect(minorToDecimal(-Number.MAX_SAFE_INTEGER, 'KWD')).toBe('-9007199254740.991');
  });
});

describe('formatMoney', () => {
  it('formats for messages with the currency symbol', () => {
    expect(formatMoney(450_050, 'USD')).toBe('$4,500.50');
    expect(formatMoney(1200, 'JPY')).toBe('¥1,200');
    // ICU puts a no-break space between a code and the amount.
    expect(formatMoney(1234, 'KWD')).toBe('KWD\u00a01.234');
  });
});
