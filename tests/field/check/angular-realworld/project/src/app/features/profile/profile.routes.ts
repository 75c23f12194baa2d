import { Routes } from '@angular/router';
import { ProfileComponent } from './pages/profile/profile.component';











            loadComponent: () => import('./components/profile-articles.component'),



            loadComponent: () => import('./components/profile-favorites.component'),








