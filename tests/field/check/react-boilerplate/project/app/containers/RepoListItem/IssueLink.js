import styled from 'styled-components';
import NormalA from 'components/A';











