import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

/**
 * Reads CSV as a spreadsheet does: quoted cells whole (`""` is a quote), and a cell boundary at
 * every unquoted `separator` — Excel with a Spanish locale splits on `;`, with an English one on `,`.
 */
function cellsAsSpreadsheet(line: string, separator: ',' | ';'): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

const looksLikeFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell);

describe('CSV cells', () => {
  it.each([',', ';'] as const)(
    'keeps "Bea;=2+2" one text cell when the spreadsheet splits on "%s"',
    (separator) => {
      const file = toCsv([['Bea;=2+2', 'Ana,=1+1', '=SUM(A1)', 'plain']], separator);
      const line = file.replace(/^\uFEFF/, '').replace(/\r\n$/, '');
      for (const reader of [',', ';'] as const) {
        const cells = cellsAsSpreadsheet(line, reader);
        expect(cells.some(looksLikeFormula), `${separator} read with ${reader}`).toBe(false);
      }
      expect(cellsAsSpreadsheet(line, separator)).toEqual([
        'Bea;=2+2',
        'Ana,=1+1',
        "'=SUM(A1)",
        'plain',
      ]);
    },
  );

  it('escapes every formula start and quotes quotes and line breaks', () => {
    expect(['=1', '+1', '-1', '@x', '\t=1', '\r=1'].map(csvCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@x",
      "'\t=1",
      '"\'\r=1"',
    ]);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Lucía Fernández')).toBe('Lucía Fernández');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
  });

  it('starts with the byte order mark and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('\uFEFFa,b\r\nc,d\r\n');
  });
});
