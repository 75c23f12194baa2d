import { type ClassValue, clsx } from 'clsx';
import { twMerge } from 'tailwind-merge';




