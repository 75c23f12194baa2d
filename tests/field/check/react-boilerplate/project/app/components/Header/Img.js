import styled from 'styled-components';

import NormalImg from 'components/Img';








