import {
  Button,
  type ButtonProps,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Textarea,
} from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import { useTranslation } from '../../i18n/react';

/** The words of a decision's dialog, in the reader's language. */
export interface DecisionWords {
  title: string;
  body: ReactNode;
  /** The note's label: "Note (optional)", or "Reason" when one is required. */
  note: string;
  /** Said beside the field when a required reason is missing. */
  needed?: string;
  /** The confirming button, named for the action. */
  action: string;
}

/**
 * A decision HR writes a note for, asked in a dialog: approving takes an optional note; a
 * rejection (`required`) asks for the reason and goes ahead only with one. Nothing happens until
 * HR confirms; Cancel, Escape and a click outside leave everything as it was.
 */
export function DecisionDialog({
  words,
  required = false,
  children,
  footnote,
  onDecide,
  appearance,
  size,
  disabled,
  'aria-label': ariaLabel,
}: Pick<ButtonProps, 'appearance' | 'size' | 'disabled' | 'aria-label'> & {
  words: DecisionWords;
  required?: boolean;
  children: ReactNode;
  /** What else HR should know before confirming (whether the applicant reads the reason). */
  footnote?: ReactNode;
  onDecide: (note: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const missing = required && !note.trim();
  return (
    <Dialog
      modalType={required ? 'alert' : 'modal'}
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (data.open) {
          setNote('');
          setTried(false);
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={appearance} size={size} disabled={disabled} aria-label={ariaLabel}>
          {children}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        {/* The missing reason is said in words beside the field, not by the browser's bubble. */}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (missing) return;
            setOpen(false);
            onDecide(note.trim());
          }}
        >
          <DialogBody>
            <DialogTitle>{words.title}</DialogTitle>
            <DialogContent>
              {words.body}
              <Field
                label={words.note}
                required={required}
                validationState={tried && missing ? 'error' : 'none'}
                validationMessage={tried && missing ? words.needed : undefined}
              >
                <Textarea
                  value={note}
                  maxLength={1000}
                  resize="vertical"
                  onChange={(_, d) => setNote(d.value)}
                />
              </Field>
              {footnote}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit">
                {words.action}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{t('confirm.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
