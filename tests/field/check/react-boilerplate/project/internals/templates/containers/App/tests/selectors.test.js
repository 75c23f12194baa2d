import { makeSelectLocation } from 'containers/App/selectors';












