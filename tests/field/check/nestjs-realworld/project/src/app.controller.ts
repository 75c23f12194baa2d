import { Get, Controller } from '@nestjs/common';







