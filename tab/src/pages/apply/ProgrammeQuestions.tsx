import { Field, Textarea } from '@fluentui/react-components';

/**
 * HR's own questions on the application form (docs/product.md, "Programme settings"): one answer
 * box per question, in HR's order; `answers[i]` answers `questions[i]` (the contract's
 * `answers`, at most 2,000 characters each). The apply form places it after its own questions;
 * HR reads the answers in the review.
 */
export function ProgrammeQuestions({
  questions,
  answers,
  onChange,
  errors = {},
}: {
  questions: readonly string[];
  answers: readonly string[];
  onChange: (answers: string[]) => void;
  /** Objections by question index, already in the reader's language. */
  errors?: Partial<Record<number, string>>;
}) {
  const answer = (i: number, text: string) =>
    onChange(questions.map((_, k) => (k === i ? text : (answers[k] ?? ''))));
  return (
    <>
      {questions.map((question, i) => (
        <Field key={question} label={question} validationMessage={errors[i]}>
          <Textarea
            resize="vertical"
            maxLength={2000}
            value={answers[i] ?? ''}
            onChange={(_, d) => answer(i, d.value)}
          />
        </Field>
      ))}
    </>
  );
}
