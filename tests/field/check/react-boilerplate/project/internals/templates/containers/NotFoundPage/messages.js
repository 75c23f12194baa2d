




import { defineMessages } from 'react-intl';









