import fs from 'fs';
import path from 'path';









