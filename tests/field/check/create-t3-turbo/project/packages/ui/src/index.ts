import { cx } from "class-variance-authority";
import { twMerge } from "tailwind-merge";


