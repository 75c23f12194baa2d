import { Routes } from '@angular/router';
import { inject } from '@angular/core';
import { UserService } from './core/auth/services/user.service';
import { map } from 'rxjs/operators';




    loadComponent: () => import('./features/article/pages/home/home.component'),



    loadComponent: () => import('./core/auth/auth.component'),




    loadComponent: () => import('./core/auth/auth.component'),




    loadComponent: () => import('./features/settings/settings.component'),




    loadChildren: () => import('./features/profile/profile.routes'),






        loadComponent: () => import('./features/article/pages/editor/editor.component'),




        loadComponent: () => import('./features/article/pages/editor/editor.component'),






    loadComponent: () => import('./features/article/pages/article/article.component'),


