import { SimpleGrid, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LogoField } from './logo-field'

type TextField = 'name' | 'address' | 'postcode' | 'city'

interface Props {
  /** The form's input props for one of the text fields (value, onChange, error, …). */
  field: (name: TextField) => object
  logo: string | null
  onLogo: (logo: string | null) => void
  logoError?: React.ReactNode
  autoFocus?: boolean
}

/** The organisation's name, address and logo: on the setup screen and in the settings. */
export function OrganisationInputs({
  field,
  logo,
  onLogo,
  logoError,
  autoFocus,
}: Props): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <>
      <TextInput
        label={t('auth.fields.orgName')}
        required
        withAsterisk={false}
        autoFocus={autoFocus}
        maxLength={120}
        {...field('name')}
      />
      <TextInput label={t('auth.fields.address')} maxLength={200} {...field('address')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('auth.fields.postcode')} maxLength={10} {...field('postcode')} />
        <TextInput label={t('auth.fields.city')} maxLength={80} {...field('city')} />
      </SimpleGrid>
      <LogoField value={logo} onChange={onLogo} error={logoError} />
    </>
  )
}
