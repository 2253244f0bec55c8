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
} from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import { useTranslation } from '../i18n/react';

/**
 * A button for something that cannot be undone (PRODUCT rule 10: confirm irreversible actions):
 * it asks first, in an alert dialog that says what will happen, and acts only on "confirm".
 * Cancel, Escape and a click outside leave everything as it was.
 */
export function ConfirmAction({
  children,
  title,
  body,
  confirmLabel,
  onConfirm,
  appearance,
  size,
  disabled,
  'aria-label': ariaLabel,
}: Pick<ButtonProps, 'appearance' | 'size' | 'disabled' | 'aria-label'> & {
  children: ReactNode;
  /** The question, e.g. "Close the programme?" */
  title: string;
  /** What will happen, in full (who gets an invitation, what is cancelled). */
  body: ReactNode;
  /** The dialog's confirming button, named for the action ("Close the programme"). */
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={appearance} size={size} disabled={disabled} aria-label={ariaLabel}>
          {children}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t('confirm.cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
