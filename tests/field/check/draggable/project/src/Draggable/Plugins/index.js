export {
  default as Announcement,
  defaultOptions as defaultAnnouncementOptions,
} from './Announcement';
export {default as Focusable} from './Focusable';
export {
  default as Mirror,
  defaultOptions as defaultMirrorOptions,
} from './Mirror';
export {
  default as Scrollable,
  defaultOptions as defaultScrollableOptions,
} from './Scrollable';
