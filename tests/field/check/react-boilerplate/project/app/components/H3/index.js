import React from 'react';






