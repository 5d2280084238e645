import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';

/** "Skip to content": jumps over the header and the menu to the page's heading (or its main region). */
export function SkipLink() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
    if (!target) return;
    event.preventDefault();
    target.tabIndex = -1;
    target.focus();
  };
  return (
    <a href="#main-content" className={classes.skipLink} onClick={skip} data-testid="skip-link">
      {t('a11y.skipToContent')}
    </a>
  );
}
