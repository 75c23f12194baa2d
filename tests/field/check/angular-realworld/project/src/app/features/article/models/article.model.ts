import { Profile } from '../../profile/models/profile.model';













