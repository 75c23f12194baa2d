import { ExternalLink } from './ExternalLink';




