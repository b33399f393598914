// `String.format(format, args...)` as java.util.Formatter writes it (JDK 17, root locale): the general,
// character, integral and floating-point conversions with their flags, width and precision. A double is
// rounded HALF_UP on the digits `Double.toString` gives (so `%.2f` of 2.675 is `2.68`, not C's `2.67`).
// Date/time (`%t`) and hexadecimal floating point (`%a`) are not modelled: they fail the render.
import { javaDoubleText, type JavaNumber } from '../../apigw/index';
import { javaHashCode } from './javaEquality';
import { JavaException } from './javaException';
import { bigIntOf, numberKind, toBigDecimal } from './javaMath';
import { isJavaNumber, numberValue } from './javaValues';

const SPECIFIER = /%(\d+\$)?([-#+ 0,(<]*)?(\d+)?(\.\d+)?([tT])?([a-zA-Z%])/y;

interface Specifier {
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  conversion: string;
}

function formatError(javaClass: string, message: string): JavaException {
  return new JavaException(`java.util.${javaClass}`, message);
}

/** What formatting needs from the render. */
export interface FormatContext {
  /** `String.valueOf` for `%s`. */
  print(value: unknown): string;
  /** The character a Character argument holds, for `%c`. */
  charOf(value: unknown): string | undefined;
  /** Throws when a string this long would pass the output bound (a width or precision can ask for any). */
  checkString(length: number): void;
}

/** Java's Formatter over the value model. */
export function javaFormat(format: string, args: unknown[], context: FormatContext): string {
  const { print, charOf } = context;
  let out = '';
  let ordinary = 0;
  let previous = -1;
  let i = 0;
  while (i < format.length) {
    const percent = format.indexOf('%', i);
    if (percent < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, percent);
    SPECIFIER.lastIndex = percent;
    const match = SPECIFIER.exec(format);
    if (!match) throw formatError('UnknownFormatConversionException', `Conversion = '${format.charAt(percent + 1) || '%'}'`);
    i = SPECIFIER.lastIndex;
    const [, explicitIndex, flags = '', width, precision, dateTime, conversion] = match;
    if (dateTime) throw formatError('UnknownFormatConversionException', `date and time conversions are not supported here: %${dateTime}${conversion}`);
    const specifier: Specifier = {
      flags,
      width: width === undefined ? undefined : Number(width),
      precision: precision === undefined ? undefined : Number(precision.slice(1)),
      conversion,
    };
    context.checkString(out.length + Math.max(specifier.width ?? 0, specifier.precision ?? 0));
    if (conversion === 'n') {
      out += '\n';
      continue;
    }
    if (conversion === '%') {
      if (flags.replace('-', '') !== '' || specifier.precision !== undefined) throw formatError('IllegalFormatFlagsException', `Flags = '${flags}'`);
      if (flags.includes('-') && specifier.width === undefined) throw formatError('MissingFormatWidthException', '%-%');
      out += pad('%', specifier);
      continue;
    }
    let index: number;
    if (flags.includes('<')) index = previous;
    else if (explicitIndex) index = Number(explicitIndex.slice(0, -1)) - 1;
    else index = ordinary++;
    if (index < 0 || index >= args.length) throw formatError('MissingFormatArgumentException', `Format specifier '${match[0]}'`);
    previous = index;
    out += convert(args[index], specifier, print, charOf);
    context.checkString(out.length);
  }
  return out;
}

function pad(text: string, { flags, width }: Specifier): string {
  if (width === undefined || text.length >= width) return text;
  return flags.includes('-') ? text.padEnd(width, ' ') : text.padStart(width, ' ');
}

function mismatch(conversion: string, value: unknown): JavaException {
  const kind = typeof value === 'string' ? 'java.lang.String' : typeof value === 'boolean' ? 'java.lang.Boolean' : isJavaNumber(value) ? `${numberKind(value).startsWith('Big') ? 'java.math' : 'java.lang'}.${numberKind(value)}` : 'java.lang.Object';
  return formatError('IllegalFormatConversionException', `${conversion} != ${kind}`);
}

/** The flags each conversion takes (Formatter's checks); `<` only picks the argument. */
const ALLOWED_FLAGS: Record<string, string> = { b: '-', h: '-', s: '-', c: '-', d: '-+ 0,(', o: '-#0', x: '-#0', e: '-#+ 0(', f: '-#+ 0,(', g: '-+ 0,(' };
const BIG_INTEGER_RADIX_FLAGS = '-#0+ (';

/** Formatter's checks of a specifier's flags, width and precision against its conversion and argument. */
function checkSpecifier({ flags, width, precision, conversion }: Specifier, value: unknown): void {
  const kind = conversion.toLowerCase();
  const used = flags.replace('<', '');
  const allowed = (kind === 'o' || kind === 'x') && isJavaNumber(value) && numberKind(value) === 'BigInteger' ? BIG_INTEGER_RADIX_FLAGS : ALLOWED_FLAGS[kind] ?? '';
  for (const flag of used) {
    if (!allowed.includes(flag)) throw formatError('FormatFlagsConversionMismatchException', `Conversion = ${conversion}, Flags = ${flag}`);
  }
  if ((used.includes('+') && used.includes(' ')) || (used.includes('-') && used.includes('0'))) throw formatError('IllegalFormatFlagsException', `Flags = '${used}'`);
  if ((used.includes('-') || used.includes('0')) && width === undefined) throw formatError('MissingFormatWidthException', `%${used}${conversion}`);
  if (precision !== undefined && 'cdox'.includes(kind)) throw formatError('IllegalFormatPrecisionException', String(precision));
}

function convert(value: unknown, specifier: Specifier, print: (value: unknown) => string, charOf: (value: unknown) => string | undefined): string {
  const { conversion, precision } = specifier;
  checkSpecifier(specifier, value);
  const upper = conversion === conversion.toUpperCase() && conversion !== conversion.toLowerCase();
  const cased = (text: string): string => (upper ? text.toUpperCase() : text);
  const truncated = (text: string): string => (precision === undefined ? text : text.slice(0, precision));
  switch (conversion.toLowerCase()) {
    case 'b':
      return pad(cased(truncated(value === null || value === undefined ? 'false' : typeof value === 'boolean' ? String(value) : 'true')), specifier);
    case 's':
      return pad(cased(truncated(value === null || value === undefined ? 'null' : print(value))), specifier);
    case 'h':
      return pad(cased(truncated(value === null || value === undefined ? 'null' : (javaHashCode(value) >>> 0).toString(16))), specifier);
    case 'c': {
      if (value === null || value === undefined) return pad(cased('null'), specifier);
      const char = charOf(value) ?? (isJavaNumber(value) && numberKind(value) === 'Integer' ? codePointText(numberValue(value)) : undefined);
      if (char === undefined) throw mismatch(conversion, value);
      return pad(cased(char), specifier);
    }
    case 'd':
    case 'o':
    case 'x':
      if (value === null || value === undefined) return pad(cased('null'), specifier);
      if (!isJavaNumber(value) || !['Integer', 'Long', 'BigInteger'].includes(numberKind(value))) throw mismatch(conversion, value);
      return integral(bigIntOf(value), numberKind(value), specifier, cased);
    case 'e':
    case 'f':
    case 'g':
      if (value === null || value === undefined) return pad(cased('null'), specifier);
      if (!isJavaNumber(value) || !['Float', 'Double', 'BigDecimal'].includes(numberKind(value))) throw mismatch(conversion, value);
      return floating(value, specifier, cased);
    default:
      throw formatError('UnknownFormatConversionException', `Conversion = '${conversion}'`);
  }
}

function codePointText(code: number): string {
  if (code < 0 || code > 0x10ffff) throw formatError('IllegalFormatCodePointException', `Code point = 0x${(code >>> 0).toString(16)}`);
  return String.fromCodePoint(code);
}

/** Digits with `,` every three from the right. */
function grouped(digits: string): string {
  const groups: string[] = [];
  for (let start = 0, end = digits.length % 3 || 3; start < digits.length; start = end, end += 3) groups.push(digits.slice(start, end));
  return groups.join(',');
}

/** Sign, grouping, parentheses and zero padding around the magnitude's digits, as `%d`, `%f` and `%e` share them. */
function signed(negative: boolean, magnitude: string, specifier: Specifier): string {
  const { flags, width } = specifier;
  let prefix = '';
  let suffix = '';
  if (negative) {
    if (flags.includes('(')) {
      prefix = '(';
      suffix = ')';
    } else {
      prefix = '-';
    }
  } else if (flags.includes('+')) {
    prefix = '+';
  } else if (flags.includes(' ')) {
    prefix = ' ';
  }
  if (flags.includes('0') && width !== undefined) {
    const room = width - prefix.length - suffix.length;
    if (magnitude.length < room) magnitude = magnitude.padStart(room, '0');
  }
  return pad(prefix + magnitude + suffix, specifier);
}

function integral(value: bigint, kind: string, specifier: Specifier, cased: (text: string) => string): string {
  const { conversion, flags, width } = specifier;
  if (conversion === 'd') {
    const digits = (value < 0n ? -value : value).toString();
    return signed(value < 0n, flags.includes(',') ? grouped(digits) : digits, specifier);
  }
  const radix = conversion === 'o' ? 8 : 16;
  // Integer and Long print their two's complement; a BigInteger keeps its sign.
  const bits = kind === 'Integer' ? 32 : kind === 'Long' ? 64 : 0;
  const negative = bits === 0 && value < 0n;
  let digits = (bits === 0 ? (negative ? -value : value) : BigInt.asUintN(bits, value)).toString(radix);
  if (flags.includes('#')) digits = (radix === 8 ? '0' : '0x') + digits;
  let text = (negative ? '-' : flags.includes('+') && bits === 0 ? '+' : '') + digits;
  if (flags.includes('0') && width !== undefined && text.length < width) {
    const sign = negative || (flags.includes('+') && bits === 0) ? text[0] : '';
    text = sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return pad(cased(text), specifier);
}

/** The decimal digits of a value and its exponent: value = 0.d1d2… × 10^exponent. */
interface Digits {
  digits: string;
  exponent: number;
}

/** Double.toString's digits (Formatter rounds those, not the binary value). */
function doubleDigits(magnitude: number): Digits {
  return textDigits(javaDoubleText(magnitude));
}

function textDigits(text: string): Digits {
  const match = /^(\d*)(?:\.(\d*))?(?:E([+-]?\d+))?$/i.exec(text);
  if (!match) return { digits: '0', exponent: 1 };
  const [, whole = '', fraction = '', power = '0'] = match;
  const all = whole + fraction;
  const leadingZeros = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(leadingZeros).replace(/0+$/, '');
  if (!digits) return { digits: '0', exponent: 1 };
  return { digits, exponent: whole.length - leadingZeros + Number(power) };
}

const ZERO: Digits = { digits: '0', exponent: 1 };

/** Rounds to `count` significant digits, HALF_UP (`digits` has no leading zero). */
function roundDigits(source: Digits, count: number): Digits {
  const { digits, exponent } = source;
  if (digits.length <= count) return source;
  if (count < 0) return ZERO;
  const kept = digits.slice(0, count);
  if (digits.charCodeAt(count) - 48 < 5) {
    const trimmed = kept.replace(/0+$/, '');
    return trimmed ? { digits: trimmed, exponent } : ZERO;
  }
  if (count === 0) return { digits: '1', exponent: exponent + 1 };
  const bumped = (BigInt(kept) + 1n).toString();
  if (bumped.length > kept.length) return { digits: bumped.replace(/0+$/, '') || '1', exponent: exponent + 1 };
  return { digits: bumped.replace(/0+$/, ''), exponent };
}

/** `%f` digits: `precision` places after the point. */
function fixed(source: Digits, precision: number): string {
  const rounded = roundDigits(source, source.exponent + precision);
  if (rounded.digits === '0') return precision === 0 ? '0' : `0.${'0'.repeat(precision)}`;
  const { digits, exponent } = rounded;
  const whole = exponent > 0 ? digits.slice(0, exponent).padEnd(exponent, '0') : '0';
  const fraction = exponent >= 0 ? digits.slice(exponent) : '0'.repeat(-exponent) + digits;
  return precision === 0 ? whole : `${whole}.${fraction.padEnd(precision, '0').slice(0, precision)}`;
}

/** `%e` digits: one digit, `precision` places, then `e±XX`. */
function scientific(source: Digits, precision: number): string {
  if (source.digits === '0') return `${precision === 0 ? '0' : `0.${'0'.repeat(precision)}`}e+00`;
  const rounded = roundDigits(source, precision + 1);
  const digits = rounded.digits.padEnd(precision + 1, '0');
  const power = rounded.exponent - 1;
  const mantissa = precision === 0 ? digits[0] : `${digits[0]}.${digits.slice(1)}`;
  return `${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
}

function floating(value: number | JavaNumber, specifier: Specifier, cased: (text: string) => string): string {
  const { conversion, flags } = specifier;
  let negative: boolean;
  let source: Digits;
  if (numberKind(value) === 'BigDecimal') {
    // A BigDecimal's own digits, exactly.
    const decimal = toBigDecimal(value);
    negative = decimal.unscaled < 0n;
    const text = (negative ? -decimal.unscaled : decimal.unscaled).toString();
    source = decimal.unscaled === 0n ? ZERO : { digits: text.replace(/0+$/, ''), exponent: text.length - decimal.scale };
  } else {
    const d = numberValue(value);
    if (Number.isNaN(d)) return pad(cased('NaN'), specifier);
    negative = d < 0 || Object.is(d, -0);
    if (!Number.isFinite(d)) return pad(cased(negative ? (flags.includes('(') ? '(Infinity)' : '-Infinity') : flags.includes('+') ? '+Infinity' : 'Infinity'), specifier);
    source = doubleDigits(Math.abs(d));
  }
  const precision = specifier.precision ?? 6;
  let magnitude: string;
  switch (conversion.toLowerCase()) {
    case 'f':
      magnitude = fixed(source, precision);
      if (flags.includes(',')) {
        const [whole, fraction] = magnitude.split('.');
        magnitude = grouped(whole) + (fraction === undefined ? '' : `.${fraction}`);
      }
      break;
    case 'e':
      magnitude = scientific(source, precision);
      break;
    default: {
      // %g: `precision` significant digits, in %f form from 10^-4 up to 10^precision, else %e form.
      const significant = precision === 0 ? 1 : precision;
      const rounded = roundDigits(source, significant);
      const isZero = rounded.digits === '0';
      if (isZero || (rounded.exponent - 1 >= -4 && rounded.exponent - 1 < significant)) {
        magnitude = fixed(source, isZero ? significant - 1 : significant - rounded.exponent);
      } else {
        magnitude = scientific(source, significant - 1);
      }
      if (flags.includes(',')) {
        const [whole, fraction] = magnitude.split('.');
        if (!whole.includes('e')) magnitude = grouped(whole) + (fraction === undefined ? '' : `.${fraction}`);
      }
    }
  }
  return cased(signed(negative, magnitude, specifier));
}
