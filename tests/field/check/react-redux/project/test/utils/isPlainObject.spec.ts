import isPlainObject from '@internal/utils/isPlainObject'
import vm from 'node:vm'

















