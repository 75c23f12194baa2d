import { HttpInterceptorFn } from '@angular/common/http';





