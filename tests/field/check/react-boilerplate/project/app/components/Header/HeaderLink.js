import { Link } from 'react-router-dom';
import styled from 'styled-components';























