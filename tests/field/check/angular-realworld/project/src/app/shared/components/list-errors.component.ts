import { Component, Input } from '@angular/core';
import { Errors } from '../../core/models/errors.model';












