import './dom-event';
import './event';
import './order';
import './sensor';
