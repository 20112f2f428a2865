import { Alert } from '@mantine/core'
import { Component, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  /** The path shown; going elsewhere clears the error, so the menu keeps working. */
  resetKey: string
  children: ReactNode
}

interface State {
  failed: boolean
  resetKey: string
}

/** Catches a page that fails while rendering, so the rest of the app stays usable. */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey }

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed /> : this.props.children
  }
}

function PageFailed(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Alert color="red" variant="light" role="alert">
      {t('errors.internal')}
    </Alert>
  )
}
