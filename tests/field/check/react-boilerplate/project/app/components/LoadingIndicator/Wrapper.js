import styled from 'styled-components';









