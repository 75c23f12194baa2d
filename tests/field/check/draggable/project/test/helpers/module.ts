import {
  waitForDragDelay,
  clickMouse,
  moveMouse,
  releaseMouse,
  touchStart,
  touchMove,
  touchRelease,
  dragStart,
  dragOver,
  dragDrop,
  dragStop,
} from './sensor';






























