/**
 * Node's file-system errors said in Chinese, naming the file and what to do. Pure: it maps the error's code
 * string (EACCES, ENOSPC…), which the services take from the error they caught. The code stays at the end
 * in parentheses, for whoever answers the clerk's call.
 *
 * Three sides: reading a file the user handed over (theirs: a USB stick, a network share), writing into
 * our own data folder (ours: a failure there would repeat for every later file, so callers stop), and saving
 * a file where the user chose (an export: the fix is theirs — close the file, pick another folder).
 */

/** The `code` of a Node system error (`EACCES`…), or undefined for anything else. */
export function fsErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined
}

/** What the user was doing with the file they handed over, in the words a read failure needs. */
export interface ReadPurpose {
  /** Doing it again: 接收 (a bundle), 导入 (a roster), 添加 (an attachment). */
  verb: string
  /** What the file was meant to be, said of a folder or a device given instead. */
  noun: string
  /** What to choose instead of a folder. */
  pick: string
}

export const RECEIVING_BUNDLE: ReadPurpose = { verb: '接收', noun: '报送包', pick: '请选择文件夹里的 .zip 报送包' }
export const IMPORTING_WORKBOOK: ReadPurpose = { verb: '导入', noun: 'Excel 工作簿', pick: '请选择 .xlsx 工作簿' }
export const ADDING_ATTACHMENT: ReadPurpose = { verb: '添加', noun: '附件', pick: '请选择文件夹里的文件' }

/** A file given to read could not be read: why, naming it. */
export function readFailureMessage(code: string | undefined, fileName: string, purpose: ReadPurpose = RECEIVING_BUNDLE): string {
  const f = `“${fileName}”`
  const tail = `（${code ?? '未知错误'}）`
  const { verb, noun, pick } = purpose
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return `找不到${f}：文件可能在${verb}过程中被移动或删除，或是指向不存在文件的快捷方式（链接），请确认文件仍在后重新${verb}${tail}`
    case 'EACCES':
    case 'EPERM':
      return `没有读取${f}的权限，请检查文件权限，或把它复制到本机文件夹后重新${verb}${tail}`
    case 'EISDIR':
      return `${f}是一个文件夹，不是${noun}文件，${pick}${tail}`
    case 'EIO':
      return `读取${f}时设备出错：U 盘或移动硬盘可能已被拔出或已损坏，网络文件夹可能已断开，请重新连接后再${verb}这一个${tail}`
    case 'EMFILE':
    case 'ENFILE':
      return `同时打开的文件过多，暂时无法读取${f}，请关闭其他程序后重新${verb}${tail}`
    case 'ELOOP':
      return `${f}是循环指向自身的快捷方式（链接），无法读取，请改选它指向的真实文件${tail}`
    case 'ENAMETOOLONG':
      return `${f}的路径过长，无法读取，请把它移到路径较短的文件夹后重新${verb}${tail}`
    case 'EBUSY':
    case 'ETXTBSY':
      return `${f}正被其他程序占用，请关闭占用它的程序后重新${verb}${tail}`
    case 'ENXIO':
    case 'ENODEV':
      return `${f}不是普通文件（可能是设备或管道），不是${noun}${tail}`
    default:
      return `读取${f}失败${tail}：请确认文件完整、可以打开后重新${verb}`
  }
}

/**
 * Writing (or renaming) `fileName`'s copy into our own data folder failed. `folder` names the folder as the
 * user knows it, e.g. 办公室数据文件夹.
 */
export function writeFailureMessage(code: string | undefined, fileName: string, folder = '数据文件夹'): string {
  const f = `“${fileName}”`
  const tail = `（${code ?? '未知错误'}）`
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `${folder}所在磁盘空间不足，无法保存${f}${tail}，请腾出磁盘空间后重试`
    case 'EACCES':
    case 'EPERM':
      return `没有写入${folder}的权限，无法保存${f}${tail}，请检查该文件夹的权限`
    case 'EROFS':
      return `${folder}所在的磁盘是只读的，无法保存${f}${tail}`
    case 'EIO':
      return `写入${folder}时磁盘出错，无法保存${f}${tail}，请检查磁盘`
    case 'EMFILE':
    case 'ENFILE':
      return `同时打开的文件过多，无法保存${f}${tail}，请关闭其他程序后重试`
    case 'EBUSY':
      return `${folder}中的文件正被其他程序占用，无法保存${f}${tail}`
    default:
      return `保存${f}到${folder}失败${tail}`
  }
}

/**
 * Saving to `target`, a file the user chose (or the outputs folder's default name, shown whole so they can
 * find it), failed. `openIn` names the program that locks such a file on Windows (Excel, Word): being open
 * there is the usual reason a save is refused.
 */
export function saveFailureMessage(code: string | undefined, target: string, openIn?: string): string {
  const f = `“${target}”`
  const tail = `（${code ?? '未知错误'}）`
  const open = openIn ? `文件可能正在 ${openIn} 中打开，或` : ''
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return `无法写入${f}：${open}没有写入该位置的权限；请关闭该文件后重试，或另选保存位置${tail}`
    case 'ENOSPC':
    case 'EDQUOT':
      return `保存位置所在磁盘空间不足，${f}未保存${tail}，请腾出磁盘空间或另选保存位置后重试`
    case 'EROFS':
      return `保存位置所在的磁盘是只读的，${f}未保存${tail}，请另选保存位置`
    case 'ENOENT':
    case 'ENOTDIR':
      return `保存位置的文件夹不存在，${f}未保存${tail}，请另选保存位置`
    case 'EISDIR':
      return `${f}是一个文件夹，未保存${tail}，请另选文件名`
    case 'EIO':
      return `写入${f}时磁盘出错（U 盘可能已被拔出，网络文件夹可能已断开），文件未保存${tail}，请检查后重试`
    case 'ENAMETOOLONG':
      return `${f}的路径过长，未保存${tail}，请另选路径较短的文件夹或较短的文件名`
    case 'EMFILE':
    case 'ENFILE':
      return `同时打开的文件过多，${f}未保存${tail}，请关闭其他程序后重试`
    default:
      return `保存${f}失败${tail}，请另选保存位置后重试`
  }
}
