import { Routes } from '@angular/router';


