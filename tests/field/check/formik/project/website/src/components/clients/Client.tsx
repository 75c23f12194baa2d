import React from 'react';
import Image from 'next/image';


























