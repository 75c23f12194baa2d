import { mande } from 'mande'

















