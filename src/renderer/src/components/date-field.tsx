import { DateInput, type DateInputProps } from '@mantine/dates'
import { useTranslation } from 'react-i18next'
import { fromDutchDate } from '../../../shared/dates'

type Props = Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  /** ISO day `YYYY-MM-DD`, or null/'' when empty. */
  value: string | null | undefined
  onChange: (value: string | null) => void
}

/** A date field that shows and reads `dd-mm-jjjj` and hands out ISO days. */
export function DateField({ value, onChange, ...rest }: Props): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <DateInput
      {...rest}
      value={value || null}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
      valueFormat="DD-MM-YYYY"
      placeholder={rest.placeholder ?? t('common.datePlaceholder')}
      dateParser={(input) => fromDutchDate(input)}
      clearable={rest.clearable ?? !rest.required}
    />
  )
}
