import styled from 'styled-components';
import Section from './Section';






