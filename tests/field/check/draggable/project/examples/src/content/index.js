
import Home from './Home';

import DragEvents from './Draggable/DragEvents';

import UniqueDropzone from './Droppable/UniqueDropzone';

import SimpleList from './Sortable/SimpleList';
import Transformed from './Sortable/Transformed';
import MultipleContainers from './Sortable/MultipleContainers';

import Flexbox from './Swappable/Flexbox';
import Floated from './Swappable/Floated';
import GridLayout from './Swappable/GridLayout';

import PluginsCollidable from './Plugins/Collidable';
import PluginsSnappable from './Plugins/Snappable';
import PluginsSwapAnimation from './Plugins/SwapAnimation';
import PluginsSortAnimation from './Plugins/SortAnimation';


















