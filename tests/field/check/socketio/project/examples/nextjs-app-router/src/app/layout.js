import { Inter } from "next/font/google";
import "./globals.css";















