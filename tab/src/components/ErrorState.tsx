import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useTranslation } from '../i18n/react';
import { errorText } from './error-text';

/**
 * An API or network failure in words a person understands: a refusal says what stands in the way
 * (and offers no retry, which would only be refused again); a fault offers a retry when one helps.
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const text = errorText(t, (key) => i18n.exists(key), error);
  return (
    <MessageBar intent={text.refusal ? 'warning' : 'error'} role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        {text.lines.map((line) => (
          <div key={line}>{line}</div>
        ))}
      </MessageBarBody>
      {onRetry && !text.refusal && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('errors.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
