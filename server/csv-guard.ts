/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is
 * written with a leading `'`, so an export is never an attack. Text that already starts
 * with quotes before such a character gets one more, so that `unguardCell` can tell the
 * two apart and an export imports back exactly.
 */
const GUARDED = /^'*[=+\-@\t\r]/;

/** The cell as an export writes it: formula-like text prefixed with `'`. */
export function guardCell(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/** The text an exported cell stands for: the guard's leading `'` removed. */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") && GUARDED.test(cell.slice(1)) ? cell.slice(1) : cell;
}
