import React from 'react';



