import { lazy, Suspense, type ComponentProps } from 'react'
import { loadPart } from '../../common/load-part'

/*
 * The workshop's dialogs and screens, each read in the first time it is shown. Each wrapper has
 * its own Suspense, so a place that shows one needs nothing else.
 */

const LazySwitchModal = lazy(() =>
  loadPart(() => import('./switch-modal')).then((m) => ({ default: m.SwitchModal })),
)
const LazyPreparingScreen = lazy(() =>
  loadPart(() => import('./preparing-screen')).then((m) => ({ default: m.PreparingScreen })),
)
const LazyDemoLogins = lazy(() =>
  loadPart(() => import('./demo-logins')).then((m) => ({ default: m.DemoLogins })),
)

/** The switch between real data and the demo: read in when it opens. */
export function SwitchModal(
  props: ComponentProps<typeof LazySwitchModal>,
): React.JSX.Element | null {
  if (!props.opened) return null
  return (
    <Suspense fallback={null}>
      <LazySwitchModal {...props} />
    </Suspense>
  )
}

export function PreparingScreen(
  props: ComponentProps<typeof LazyPreparingScreen>,
): React.JSX.Element {
  return (
    <Suspense fallback={null}>
      <LazyPreparingScreen {...props} />
    </Suspense>
  )
}

export function DemoLogins(props: ComponentProps<typeof LazyDemoLogins>): React.JSX.Element {
  return (
    <Suspense fallback={null}>
      <LazyDemoLogins {...props} />
    </Suspense>
  )
}
