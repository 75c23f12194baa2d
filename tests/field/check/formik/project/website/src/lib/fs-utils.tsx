import fs from 'fs';
import { promisify } from 'util';



