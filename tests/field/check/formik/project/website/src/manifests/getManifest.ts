import manifest from './manifest.json';
import manifest130 from './manifest-1.3.0.json';
import manifest214 from './manifest-2.1.4.json';












