import './matchers';










