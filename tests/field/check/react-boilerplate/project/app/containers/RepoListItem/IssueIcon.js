import styled from 'styled-components';

import NormalIssueIcon from 'components/IssueIcon';







