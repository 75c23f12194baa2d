
import chalk from 'chalk';




