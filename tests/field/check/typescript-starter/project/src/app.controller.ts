import { Controller, Get } from '@nestjs/common';
import { AppService } from './app.service';










