import path from 'node:path'
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import { z } from 'zod'

const title = z.string({ error: '标题应为文字' }).max(200, '标题过长（最多 200 字）').optional()

const filters = z
  .array(
    z
      .object({
        name: z.string({ error: '文件类型名称应为文字' }).max(100, '文件类型名称过长'),
        extensions: z
          .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, '扩展名只能是字母和数字，不带点'))
          .min(1, '请至少给出一个扩展名')
          .max(50, '扩展名太多'),
      })
      .strict(),
    { error: '文件类型应为列表' },
  )
  .max(20, '文件类型太多')
  .optional()

export const openFilesSchema = z.object({ title, filters, multiple: z.boolean().optional() }).strict()
export const openFolderSchema = z.object({ title }).strict()
export const saveFileSchema = z
  .object({
    title,
    // A bare file name: where it goes is the user's choice in the dialog, starting in outputs/.
    defaultName: z
      .string()
      .max(200, '文件名过长')
      .refine((n) => n === path.basename(n) && !/[\\/\0]/.test(n), '默认文件名不能包含路径')
      .optional(),
    filters,
  })
  .strict()

export type OpenFilesOptions = z.output<typeof openFilesSchema>
export type OpenFolderOptions = z.output<typeof openFolderSchema>
export type SaveFileOptions = z.output<typeof saveFileSchema>

async function showOpen(win: BrowserWindow | null, options: OpenDialogOptions) {
  return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options)
}

export async function openFiles(win: BrowserWindow | null, options: OpenFilesOptions): Promise<string[]> {
  const properties: OpenDialogOptions['properties'] = ['openFile', 'dontAddToRecent']
  if (options.multiple) properties.push('multiSelections')
  const result = await showOpen(win, { title: options.title ?? '选择文件', filters: options.filters, properties })
  return result.canceled ? [] : result.filePaths
}

export async function openFolder(win: BrowserWindow | null, options: OpenFolderOptions): Promise<string | null> {
  const result = await showOpen(win, {
    title: options.title ?? '选择文件夹',
    properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
  })
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

export async function saveFile(win: BrowserWindow | null, options: SaveFileOptions, outputsDir: string): Promise<string | null> {
  const saveOptions: SaveDialogOptions = {
    title: options.title ?? '保存文件',
    defaultPath: options.defaultName ? path.join(outputsDir, options.defaultName) : outputsDir,
    filters: options.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
  }
  const result = win ? await dialog.showSaveDialog(win, saveOptions) : await dialog.showSaveDialog(saveOptions)
  return result.canceled ? null : (result.filePath ?? null)
}
