import React from 'react'


