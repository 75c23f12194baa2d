import React from 'react'
















