import { SegmentedControl, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, changeLanguage, currentLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  // useTranslation re-renders this component when the language changes.
  const { t } = useTranslation();
  const value = currentLanguage();
  return (
    <Tooltip label={t('language.label')} withArrow>
      <SegmentedControl
        size="xs"
        radius="xl"
        value={value}
        onChange={(next) => void changeLanguage(next as Language)}
        aria-label={t('language.label')}
        data-testid="language-switch"
        data={LANGUAGES.map((language) => ({
          value: language,
          label: (
            <span title={t(`language.${language}`)} data-testid={`language-${language}`}>
              {t(`language.short.${language}`)}
            </span>
          ),
        }))}
      />
    </Tooltip>
  );
}
