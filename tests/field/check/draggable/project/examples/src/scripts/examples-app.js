
import Analytics from '../components/Analytics';

import MobileNav from '../components/MobileNav';
import Content from '../content';
















