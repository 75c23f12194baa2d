import { Entity, PrimaryGeneratedColumn, Column } from "typeorm";














