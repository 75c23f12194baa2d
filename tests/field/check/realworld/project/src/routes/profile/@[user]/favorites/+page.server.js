import { get_articles } from '../get_articles';






