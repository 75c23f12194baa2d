import './globals.css'
import { Inter } from 'next/font/google'
import React from 'react'



















