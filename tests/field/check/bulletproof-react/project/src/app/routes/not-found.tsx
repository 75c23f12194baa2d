import { Link } from '@/components/ui/link';
import { paths } from '@/config/paths';














