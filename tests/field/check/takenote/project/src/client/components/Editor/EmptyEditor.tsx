import React from 'react'















