import { Controller, Get, Render } from '@nestjs/common';
import { AppService } from './app.service';











