import { IsNotEmpty } from 'class-validator';











