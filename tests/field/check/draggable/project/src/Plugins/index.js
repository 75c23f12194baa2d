export {default as Collidable} from './Collidable';
export {
  default as ResizeMirror,
  defaultOptions as defaultResizeMirrorOptions,
} from './ResizeMirror';
export {default as Snappable} from './Snappable';
export {
  default as SwapAnimation,
  defaultOptions as defaultSwapAnimationOptions,
} from './SwapAnimation';
export {
  default as SortAnimation,
  defaultOptions as defaultSortAnimationOptions,
} from './SortAnimation';
