/**
 * ESLint rule `starsite/layer-imports`: what a file may import, by the layer it sits in (eslint.config.js holds
 * the table). A local rule rather than `no-restricted-imports` because it resolves each relative specifier to
 * the folder it reaches (so the depth of `../` does not matter) and also sees `import()`, `import('x').T` types,
 * `export … from` and `require()`.
 *
 * Options: { layer, why, allowPaths?, denyPaths?, allowPackages?, denyPackages? }
 * - Paths are repo-relative globs over the resolved target without its script extension: `*` is part of one
 *   segment, `dir/**` is dir and everything below it.
 * - Packages are names as in package.json, plus aliases such as `@contract`; `node:*` is every Node built-in
 *   (`fs` and `node:fs` alike) and `node:fs` is fs and fs/promises.
 */
import { isBuiltin } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const SCRIPT_EXTENSION = /\.(d\.ts|tsx?|mts|cts|jsx?|mjs|cjs)$/

/** A glob as a regular expression over a posix path. */
export function globToRegExp(glob) {
  let out = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (glob.startsWith('/**', i) && i + 3 === glob.length) {
      out += '(?:/.*)?'
      i += 2
    } else if (glob.startsWith('**/', i)) {
      out += '(?:.*/)?'
      i += 2
    } else if (glob.startsWith('**', i)) {
      out += '.*'
      i += 1
    } else if (c === '*') out += '[^/]*'
    else out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${out}$`)
}

/** `node:fs/promises` -> `node:fs`, `@scope/pkg/x` -> `@scope/pkg`, `react-dom/client` -> `react-dom`. */
export function packageOf(specifier) {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier
  if (isBuiltin(bare) || specifier.startsWith('node:')) return `node:${bare.split('/')[0]}`
  const parts = specifier.split('/')
  return specifier.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : parts[0]
}

function packageMatches(name, patterns) {
  return patterns.some((p) => p === name || (p === 'node:*' && name.startsWith('node:')))
}

const isPath = (s) => s === '.' || s === '..' || s.startsWith('./') || s.startsWith('../') || s.startsWith('/')

/** @type {import('eslint').Rule.RuleModule} */
export const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each layer to the imports its place in the architecture allows' },
    schema: [
      {
        type: 'object',
        properties: {
          layer: { type: 'string' },
          why: { type: 'string' },
          allowPaths: { type: 'array', items: { type: 'string' } },
          denyPaths: { type: 'array', items: { type: 'string' } },
          allowPackages: { type: 'array', items: { type: 'string' } },
          denyPackages: { type: 'array', items: { type: 'string' } },
        },
        required: ['layer', 'why'],
        additionalProperties: false,
      },
    ],
    messages: {
      path: "{{layer}} may not import '{{specifier}}' (it reaches {{target}}): {{why}}.",
      package: "{{layer}} may not import '{{specifier}}' (package {{name}}): {{why}}.",
    },
  },
  create(context) {
    const { layer, why, allowPaths, denyPaths = [], allowPackages, denyPackages = [] } = context.options[0]
    const allowRe = allowPaths?.map(globToRegExp)
    const denyRe = denyPaths.map(globToRegExp)
    const dir = path.dirname(context.filename)

    function check(node) {
      if (!node || typeof node.value !== 'string') return
      const specifier = node.value
      if (isPath(specifier)) {
        const target = path.relative(ROOT, path.resolve(dir, specifier)).split(path.sep).join('/').replace(SCRIPT_EXTENSION, '')
        const allowed = (!allowRe || allowRe.some((r) => r.test(target))) && !denyRe.some((r) => r.test(target))
        if (!allowed) context.report({ node, messageId: 'path', data: { layer, specifier, target, why } })
        return
      }
      const name = packageOf(specifier)
      const allowed = (!allowPackages || packageMatches(name, allowPackages)) && !packageMatches(name, denyPackages)
      if (!allowed) context.report({ node, messageId: 'package', data: { layer, specifier, name, why } })
    }

    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      TSImportType: (n) => check(n.source ?? n.argument?.literal),
      TSExternalModuleReference: (n) => check(n.expression),
      CallExpression(n) {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1) check(n.arguments[0])
      },
    }
  },
}

export default { meta: { name: 'starsite' }, rules: { 'layer-imports': layerImports } }
