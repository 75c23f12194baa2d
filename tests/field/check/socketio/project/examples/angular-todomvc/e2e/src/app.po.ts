import { browser, by, element } from 'protractor';










