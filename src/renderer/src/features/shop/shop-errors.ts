import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import { errorMessage } from '../../common/forms'
import { toDutchDate } from '../../../../shared/dates'
import { AppError } from '../../../../shared/errors'

/** Like `errorMessage`, with an ISO `date` parameter shown as dd-mm-jjjj. */
export function shopErrorMessage(t: TFunction, err: unknown): string {
  if (err instanceof AppError && typeof err.params?.date === 'string') {
    const data = err.toJSON()
    return errorMessage(
      t,
      new AppError({ ...data, params: { ...data.params, date: toDutchDate(err.params.date) } }),
    )
  }
  return errorMessage(t, err)
}

export function showShopError(t: TFunction, err: unknown): void {
  notifications.show({ color: 'red', title: t('app.name'), message: shopErrorMessage(t, err) })
}
