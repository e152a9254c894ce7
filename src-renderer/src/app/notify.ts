import { notifications } from '@mantine/notifications'
import { errorMessage } from '../api'

export function notifySuccess(message: string, title = '操作成功'): void {
  notifications.show({ title, message, color: 'green', autoClose: 3000 })
}

export function notifyError(error: unknown, title = '操作未完成'): void {
  notifications.show({ title, message: errorMessage(error), color: 'red', autoClose: 8000 })
}
