
import React from 'react'









