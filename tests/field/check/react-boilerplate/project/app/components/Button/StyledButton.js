import styled from 'styled-components';

import buttonStyles from './buttonStyles';






