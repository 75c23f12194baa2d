import React, { lazy, Suspense } from 'react';












