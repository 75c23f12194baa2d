import { Button } from '../ui/button';

















