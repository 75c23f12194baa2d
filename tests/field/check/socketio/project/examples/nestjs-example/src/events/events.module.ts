import { Module } from '@nestjs/common';
import { EventsGateway } from './events.gateway';





