import { Injectable } from '@angular/core';















