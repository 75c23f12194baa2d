import React from 'react'




