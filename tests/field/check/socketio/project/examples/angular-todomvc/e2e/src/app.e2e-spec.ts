import { AppPage } from './app.po';
import { browser, logging } from 'protractor';





















