import { describe, expect, it } from 'vitest';
import { toCsv } from '../../http/csv';
import { anonymousSuggestions, summarise } from '../evaluation/evaluation';
import type { Evaluation } from '../pair-space/pair-space';
import type { PairProgress } from './progress';
import { evaluationRows, localDateTime, reportFileName, reportRows } from './report';
import { REPORT_WORDS } from './report-words';

const MADRID = { language: 'es', timeZone: 'Europe/Madrid' } as const;
const LONDON_EN = { language: 'en', timeZone: 'Europe/London' } as const;

function figures(id: string, mentee: string, mentor: string, patch: Partial<PairProgress> = {}) {
  const base: PairProgress = {
    pairId: id,
    mentee: { id: `${id}-mentee`, name: mentee },
    mentor: { id: `${id}-mentor`, name: mentor },
    pairStatus: 'booked',
    bookingStatus: 'booked',
    sessions: { planned: 10, held: 2, cancelled: 0, moved: 1 },
    nextSession: null,
    answers: { mentee: 'accepted', mentor: 'declined' },
    goals: { total: 2, progressed: 1, achieved: 0, averageProgress: 22.5 },
    feedback: { given: 3, expected: 4, averageRating: 4.5 },
    risks: [],
  };
  return { ...base, ...patch };
}

/**
 * Reads one CSV line as a spreadsheet splitting on `separator` does (quotes kept whole), leniently
 * as Excel does: text after a closing quote joins the cell. The integration and browser tests read
 * the real exports with csv-parse (test/fixtures/csv-cells.ts), which refuses such a line; this
 * test needs the lenient reading to open a file with the wrong separator, as a person might.
 */
function cells(line: string, separator: ',' | ';'): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === separator) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out;
}

const lines = (file: string) =>
  file
    .replace(/^\uFEFF/, '')
    .replace(/\r\n$/, '')
    .split('\r\n');

describe('the pairs report, for the reader', () => {
  it('puts the mentee before the mentor in the header and every row, sorted by mentee', () => {
    const { rows } = reportRows(
      'Mentoring',
      [
        figures('z', 'Zoe', 'Luis'),
        figures('a', 'Álvaro', 'Marta'),
        figures('b', 'Beatriz', 'Ana'),
      ],
      MADRID,
    );
    expect(rows[0]!.slice(1, 3)).toEqual(['Mentorizado/a', 'Mentor/a']);
    expect(rows.slice(1).map((r) => r.slice(1, 3))).toEqual([
      ['Álvaro', 'Marta'],
      ['Beatriz', 'Ana'],
      ['Zoe', 'Luis'],
    ]);
    const h = rows[0]!;
    expect(h.indexOf('Respuesta del mentorizado/a')).toBeLessThan(
      h.indexOf('Respuesta del mentor/a'),
    );
    expect(rows.every((r) => r.length === h.length)).toBe(true);
  });

  it('speaks Spanish to a Spanish reader: headers, statuses, answers, risks, decimal comma', () => {
    const { rows, separator } = reportRows(
      'Mentoring',
      [figures('a', 'Ana', 'Luis', { risks: ['declined', 'noGoals'], bookingStatus: 'ended' })],
      MADRID,
    );
    expect(separator).toBe(';');
    const row = Object.fromEntries(rows[0]!.map((k, i) => [k, rows[1]![i]]));
    expect(row).toMatchObject({
      'Estado de la pareja': 'Sesiones reservadas',
      'Estado de la reserva': 'Terminada',
      'Respuesta del mentorizado/a': 'Aceptada',
      'Respuesta del mentor/a': 'Rechazada',
      'Avance medio de los objetivos (%)': '22,5',
      'Valoración media (1–5)': '4,5',
      Riesgos: 'Invitación rechazada, Sin objetivos tras la segunda sesión',
    });
  });

  it('speaks English to an English reader, with a decimal point and "," between cells', () => {
    const { rows, separator } = reportRows(
      'Mentoring',
      [figures('a', 'Ana', 'Luis', { answers: { mentee: 'none', mentor: 'tentativelyAccepted' } })],
      LONDON_EN,
    );
    expect(separator).toBe(',');
    const row = Object.fromEntries(rows[0]!.map((k, i) => [k, rows[1]![i]]));
    expect(row).toMatchObject({
      'Pair status': 'Sessions booked',
      'Booking status': 'Booked',
      'Mentee’s answer': 'Not answered',
      'Mentor’s answer': 'Tentative',
      'Average rating (1–5)': '4.5',
    });
  });

  it('splits on the separator the reader chose, whatever their language, words unchanged', () => {
    const people = [figures('a', 'Ana', 'Luis')];
    const spanishOnCommas = reportRows('Mentoring', people, { ...MADRID, separator: ',' });
    expect(spanishOnCommas.separator).toBe(',');
    expect(spanishOnCommas.rows).toEqual(reportRows('Mentoring', people, MADRID).rows);
    expect(reportRows('Mentoring', people, { ...LONDON_EN, separator: ';' }).separator).toBe(';');
  });

  it('has a word for every status, answer and risk in both languages (no API code leaks)', () => {
    const codes = new Set([
      'none',
      'declined',
      'noGoals',
      'noFeedback',
      'notQueued',
      'bookingFailed',
      'tentativelyAccepted',
    ]);
    for (const words of Object.values(REPORT_WORDS)) {
      const values = [
        ...Object.values(words.pairStatus),
        ...Object.values(words.bookingStatus),
        ...Object.values(words.answer),
        ...Object.values(words.risk),
      ];
      expect(values.filter((v) => codes.has(v))).toEqual([]);
      expect(Object.keys(words.risk).sort()).toEqual(Object.keys(REPORT_WORDS.en.risk).sort());
    }
  });

  it('writes the next session in the reader’s local time, across the change to summer time', () => {
    // Spain moves to summer time on Sunday 28 March 2027 (01:00 UTC): 09:00 UTC is 10:00 before
    // and 11:00 after.
    expect(localDateTime('2027-03-26T09:00:00.000Z', 'Europe/Madrid')).toBe('2027-03-26 10:00');
    expect(localDateTime('2027-03-29T09:00:00.000Z', 'Europe/Madrid')).toBe('2027-03-29 11:00');
    expect(localDateTime('2027-03-29T09:00:00.000Z', 'America/Mexico_City')).toBe(
      '2027-03-29 03:00',
    );
    expect(localDateTime('2027-03-29T23:30:00.000Z', 'UTC')).toBe('2027-03-29 23:30');
    const { rows } = reportRows(
      'M',
      [figures('a', 'Ana', 'Luis', { nextSession: '2027-03-29T09:00:00.000Z' })],
      MADRID,
    );
    expect(rows[0]).toContain('Próxima sesión (Europe/Madrid)');
    expect(rows[1]).toContain('2027-03-29 11:00');
    expect(rows[1]!.join('')).not.toContain('T09:00');
  });

  it.each([
    [MADRID, ';'],
    [LONDON_EN, ','],
  ] as const)('keeps a name with ";" or "," and "=" one text cell (%o)', (reader, separator) => {
    const table = reportRows(
      'Plan;=1+1',
      [figures('a', 'Bea;=HYPERLINK("x")', '=2+2, Luis'), figures('b', 'Carmen', '@SUM(A1)')],
      reader,
    );
    const file = toCsv(table.rows, table.separator);
    expect(file.startsWith('\uFEFF')).toBe(true);
    const [header, ...body] = lines(file);
    const width = cells(header!, separator).length;
    const read = body.map((l) => cells(l, separator));
    expect(read.map((r) => r.length)).toEqual([width, width]);
    expect(read[0]!.slice(0, 3)).toEqual(['Plan;=1+1', 'Bea;=HYPERLINK("x")', "'=2+2, Luis"]);
    expect(read[1]![2]).toBe("'@SUM(A1)");
    // Read with the other separator too, no cell starts a formula.
    const other = separator === ';' ? ',' : ';';
    for (const l of body) {
      expect(cells(l, other).filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    }
  });

  it('names the file in the reader’s language', () => {
    expect(reportFileName('pairs', 'Mentoring 2027', 'es')).toBe(
      'tandem-informe-mentoring-2027.csv',
    );
    expect(reportFileName('pairs', 'Mentoring 2027', 'en')).toBe(
      'tandem-report-mentoring-2027.csv',
    );
    expect(reportFileName('evaluation', 'Liderazgo Ávila', 'es')).toBe(
      'tandem-evaluacion-liderazgo-ávila.csv',
    );
  });
});

function evaluation(i: number, patch: Partial<Evaluation> = {}): Evaluation {
  return {
    id: `evaluation-${i}`,
    pairId: `pair-${i}`,
    authorId: `author-${i}`,
    createdAt: '2027-06-01T10:00:00.000Z',
    updatedAt: '2027-06-01T10:00:00.000Z',
    type: 'evaluation',
    role: i % 2 === 0 ? 'mentee' : 'mentor',
    satisfaction: 4,
    goalsReached: 3,
    recommend: 9,
    suggestion: '',
    ...patch,
  };
}

describe('the evaluation export', () => {
  it('holds only the counts while the results are withheld: no score, no suggestion', () => {
    const answers = [
      evaluation(0, { suggestion: 'Más sesiones', satisfaction: 1 }),
      evaluation(1, { recommend: 2 }),
    ];
    const summary = summarise(answers, 4, 5);
    expect(summary.withheld).toBe(true);
    const { rows } = evaluationRows('Mentoring', summary, [], MADRID);
    expect(rows).toEqual([
      ['Dato', 'Valor'],
      ['Programa', 'Mentoring'],
      ['Respuestas', '2'],
      ['Respuestas esperadas', '8'],
      ['Mínimo de respuestas para mostrar resultados', '5'],
      ['Resultados', 'Retenidos hasta que respondan 5 personas, para que nadie sea identificable'],
    ]);
    // Even handed suggestions by mistake, a withheld export carries none.
    const careless = evaluationRows('Mentoring', summary, ['Más sesiones'], MADRID);
    expect(JSON.stringify(careless.rows)).not.toContain('Más sesiones');
  });

  it('shows the aggregates and the unsigned suggestions from the minimum, nothing identifying', () => {
    const answers = [
      evaluation(0, { suggestion: '=cmd|calc', satisfaction: 5, recommend: 10 }),
      evaluation(1, { satisfaction: 3, recommend: 3 }),
      evaluation(2, { suggestion: 'Más sesiones; presenciales', satisfaction: 4, recommend: 2 }),
    ];
    // Two mentees meet a minimum of two; the one mentor does not, so that role's average waits.
    const summary = summarise(answers, 2, 2);
    const table = evaluationRows('Mentoring', summary, anonymousSuggestions(answers), LONDON_EN);
    const value = Object.fromEntries(table.rows.filter((r) => r[0] !== 'Suggestion (unsigned)'));
    expect(value).toMatchObject({
      Responses: '3',
      'Responses expected': '4',
      Results: 'Shown',
      'Mentees’ responses': '2',
      'Mentors’ responses': '1',
      'Mentees’ average satisfaction (1–5)': '4.5',
      'Mentors’ average satisfaction (1–5)': '',
      'Responses with satisfaction 5': '1',
      'Responses with satisfaction 1': '0',
      // One promoter, two detractors of three: −33, written with a minus sign, not a formula start.
      'Net promoter score (−100 to 100)': '\u221233',
    });
    expect(table.rows.filter((r) => r[0] === 'Suggestion (unsigned)').map((r) => r[1])).toEqual([
      '=cmd|calc',
      'Más sesiones; presenciales',
    ]);
    const file = toCsv(table.rows, table.separator);
    for (const who of ['author-', 'pair-', 'evaluation-', '2027-06-01']) {
      expect(file).not.toContain(who);
    }
    const suggestionLines = lines(file)
      .map((l) => cells(l, ','))
      .filter((c) => c[0] === 'Suggestion (unsigned)');
    expect(suggestionLines).toEqual([
      ['Suggestion (unsigned)', "'=cmd|calc"],
      ['Suggestion (unsigned)', 'Más sesiones; presenciales'],
    ]);
  });

  it('uses ";" and Spanish words for a Spanish reader', () => {
    const answers = [0, 1, 2].map((i) => evaluation(i, { satisfaction: 4, goalsReached: 3 }));
    const table = evaluationRows('M', summarise(answers, 2, 2), [], MADRID);
    expect(table.separator).toBe(';');
    expect(Object.fromEntries(table.rows)).toMatchObject({
      Resultados: 'Mostrados',
      'Satisfacción media de mentorizados (1–5)': '4',
      'Índice de recomendación neta (NPS, −100 a 100)': '100',
    });
  });
});
